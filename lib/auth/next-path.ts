/**
 * Where to go after signing in, from an untrusted `next` value: only a path on this dashboard
 * (`/stacks/x?tab=events`), never another site (`//evil.example`, `/\evil.example`,
 * `https://…`), so the sign-in page cannot be used as an open redirect.
 */
export function safeNextPath(value: string | null | undefined): string {
  if (typeof value !== 'string' || value === '') return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters and backslashes let browsers reinterpret the path as another origin.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  const url = new URL(value, 'http://dashboard.invalid');
  if (url.origin !== 'http://dashboard.invalid') return '/';
  if (url.pathname.startsWith('/api/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The request header proxy.ts uses to tell server components which path was asked for. */
export const REQUESTED_PATH_HEADER = 'x-dashboard-path';
