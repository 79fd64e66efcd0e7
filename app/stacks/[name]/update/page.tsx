import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { UpdateWizard } from '@/components/update/UpdateWizard';
import { pageUser } from '@/lib/auth';
import { config } from '@/lib/config';
import { STACK_NAME_PATTERN } from '@/lib/stacks/names';

interface UpdateRoute {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: UpdateRoute): Promise<Metadata> {
  const { name } = await params;
  return { title: `Update ${name} · Jenkins on AWS` };
}

/**
 * `/stacks/<name>/update?region=<region>`: update a stack with its current template or a new
 * one, review the change set, and watch the update. Operators only; a region the dashboard is
 * not configured for falls back to its first region, as on the launch page.
 */
export default async function UpdateStackPage({ params, searchParams }: UpdateRoute) {
  await pageUser('operator');
  const { name } = await params;
  if (!STACK_NAME_PATTERN.test(name)) notFound();
  const query = await searchParams;
  const { regions } = config();
  const asked = typeof query.region === 'string' ? query.region : undefined;
  const region = asked !== undefined && regions.includes(asked) ? asked : regions[0];

  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">
          Update <span data-testid="update-stack-name">{name}</span>
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Edit the parameters or bring a new template, review what CloudFormation will change, then
          watch it happen. Parameters you do not touch keep their current values.
        </p>
      </header>
      <UpdateWizard stackName={name} region={region} />
    </main>
  );
}
