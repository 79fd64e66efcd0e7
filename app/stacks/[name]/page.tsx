import type { Metadata } from 'next';
import { StackPage } from '@/components/stack/StackPage';
import { pageUser } from '@/lib/auth';

interface StackRoute {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: StackRoute): Promise<Metadata> {
  const { name } = await params;
  return { title: `${name} · Jenkins on AWS` };
}

/** `/stacks/<name>?region=<region>`: the ops page of one stack. */
export default async function StackRoutePage({ params, searchParams }: StackRoute) {
  await pageUser('viewer');
  const { name } = await params;
  const { region } = await searchParams;
  return (
    <main className="mx-auto max-w-[100rem] px-4 py-5">
      <StackPage
        name={name}
        region={typeof region === 'string' && region !== '' ? region : undefined}
      />
    </main>
  );
}
