'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEnvironment } from '@/lib/client/swr';
import { SignOutButton } from './SignOutButton';

const NAV = [
  {
    href: '/',
    label: 'Overview',
    active: (path: string) => path === '/' || path.startsWith('/stacks'),
  },
  { href: '/launch', label: 'Launch', active: (path: string) => path.startsWith('/launch') },
];

/**
 * The bar on every page: product name, navigation, a sandbox badge when the dashboard talks
 * to the local sandbox instead of AWS, and the signed-in person with a sign-out button. On
 * the sign-in page it asks nothing of the API (the answer would be 401 and send us back).
 */
export function AppHeader() {
  const pathname = usePathname();
  const onSignin = pathname.startsWith('/signin');
  const { data: environment } = useEnvironment(!onSignin);

  return (
    <header className="border-b border-slate-800 bg-slate-900 text-slate-100">
      <div className="mx-auto flex h-12 max-w-[100rem] items-center gap-6 px-4">
        <Link href="/" className="text-sm font-semibold tracking-wide text-white">
          Jenkins on AWS
        </Link>
        {onSignin ? null : (
          <nav aria-label="Main" className="flex gap-1 text-sm">
            {NAV.map((item) => {
              const active = item.active(pathname);
              return (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={active ? 'page' : undefined}
                  className={`rounded px-2 py-1 ${
                    active ? 'bg-slate-700 text-white' : 'text-slate-300 hover:text-white'
                  }`}
                >
                  {item.label}
                </Link>
              );
            })}
          </nav>
        )}
        {environment?.sandbox ? (
          <span
            className="rounded bg-amber-400 px-2 py-0.5 text-xs font-semibold text-amber-950"
            title={`Every AWS call goes to the local sandbox at ${environment.endpoint ?? 'localhost'}; nothing is created in an AWS account.`}
            data-testid="sandbox-badge"
          >
            Sandbox — not AWS
          </span>
        ) : null}
        <div className="ml-auto flex items-center gap-3 text-xs">
          {environment === undefined ? null : (
            <>
              <span data-testid="signed-in-user">
                {environment.user.name}{' '}
                <span className="text-slate-400">({environment.user.role})</span>
              </span>
              <SignOutButton />
            </>
          )}
        </div>
      </div>
    </header>
  );
}
