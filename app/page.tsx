import { OverviewPage } from '@/components/overview/OverviewPage';
import { pageUser } from '@/lib/auth';

/** `/`: every Jenkins stack of this kind in every configured region. */
export default async function Home() {
  await pageUser('viewer');
  return (
    <main className="mx-auto max-w-[100rem] px-4 py-5">
      <OverviewPage />
    </main>
  );
}
