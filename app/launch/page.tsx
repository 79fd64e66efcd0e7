import type { Metadata } from 'next';
import { LaunchWizard } from '@/components/launch/LaunchWizard';
import { pageUser } from '@/lib/auth';
import { config } from '@/lib/config';
import { bundledTemplate } from '@/lib/stacks/templates';
import { readQuickCreateParams } from '@/lib/template';

export const metadata: Metadata = { title: 'Launch Jenkins · Jenkins on AWS' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The launch wizard. A quick-create link (`?stackName=…&param_<Key>=…&region=…`) is read here
 * against the bundled template, so only the values the form may prefill are handed to the
 * browser: NoEcho keys are dropped and listed as ignored.
 */
export default async function LaunchPage({ searchParams }: { searchParams: SearchParams }) {
  await pageUser('operator');
  const query = await searchParams;
  const { regions } = config();
  const asked = typeof query.region === 'string' ? query.region : undefined;
  const region = asked !== undefined && regions.includes(asked) ? asked : regions[0];
  const { model } = await bundledTemplate();
  const prefill = readQuickCreateParams(query, model);

  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Launch Jenkins on AWS</h1>
        <p className="mt-1 text-sm text-slate-600">
          Fill in the parameters, review what CloudFormation will create, then watch it happen.
        </p>
      </header>
      <LaunchWizard regions={regions} initialRegion={region} prefill={prefill} />
    </main>
  );
}
