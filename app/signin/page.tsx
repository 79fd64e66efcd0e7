import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/SignInForm';
import { currentPageUser } from '@/lib/auth';
import { safeNextPath } from '@/lib/auth/next-path';
import { isOidcEnabled } from '@/lib/auth/oidc';

export const metadata: Metadata = { title: 'Sign in · Jenkins on AWS' };

const REASONS: Record<string, string> = {
  'no-role': 'Your single sign-on account has no role on this dashboard. Ask an administrator.',
  'sso-failed': 'Single sign-on did not complete. Try again.',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const next = safeNextPath(first(query.next));
  if (await currentPageUser()) redirect(next);

  const reason = REASONS[first(query.error) ?? ''];
  const sso = isOidcEnabled();

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-2xl font-semibold tracking-tight">Jenkins on AWS</h1>
        <p className="mt-1 text-center text-sm text-slate-600">
          Sign in to manage your Jenkins stacks.
        </p>

        <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {reason && (
            <p
              role="alert"
              className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              {reason}
            </p>
          )}
          {sso && (
            <>
              <a
                href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}
                className="block w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-center font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
              >
                Sign in with single sign-on
              </a>
              <div
                className="my-5 flex items-center gap-3 text-xs text-slate-500"
                aria-hidden="true"
              >
                <span className="h-px flex-1 bg-slate-200" />
                or with a local account
                <span className="h-px flex-1 bg-slate-200" />
              </div>
            </>
          )}
          <SignInForm next={next} />
        </div>
      </div>
    </main>
  );
}
