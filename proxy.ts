import { NextResponse, type NextRequest } from 'next/server';
import { REQUESTED_PATH_HEADER } from '@/lib/auth/next-path';
import { sessionFromRequest } from '@/lib/auth/session';
import { readAuthSettings, type AuthSettings } from '@/lib/auth/settings';
import { createNonce, securityHeaders } from '@/lib/http/security-headers';

/**
 * Runs before every request: sets the security headers (a per-request CSP nonce for Next's
 * scripts), renews the session on page views, and sends anonymous page requests to /signin.
 * The redirect is a convenience only: this layer has been bypassable before (CVE-2025-29927),
 * so every route handler and page checks the session and role again itself.
 */
function isPublicPage(pathname: string): boolean {
  return pathname === '/signin' || pathname.startsWith('/_next/') || /\/[^/]+\.\w+$/.test(pathname);
}

function misconfigured(message: string, headers: Record<string, string>): NextResponse {
  return new NextResponse(`${message}\n`, {
    status: 500,
    headers: {
      ...headers,
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    },
  });
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const nonce = createNonce();
  const { pathname, search } = request.nextUrl;
  let settings: AuthSettings | undefined;
  let configurationError: string | undefined;
  try {
    settings = readAuthSettings();
  } catch (error) {
    configurationError = error instanceof Error ? error.message : 'Configuration error.';
  }
  const https = request.nextUrl.protocol === 'https:' || (settings?.secureCookies ?? false);
  const headers = securityHeaders({
    nonce,
    https,
    development: process.env.NODE_ENV === 'development',
  });

  // Without a session secret nothing can be signed in; say which variable is missing.
  if (settings === undefined) {
    return misconfigured(configurationError ?? 'Configuration error.', headers);
  }

  // API handlers read and renew the session themselves; only pages need it here.
  const page = !pathname.startsWith('/api/') && !isPublicPage(pathname);
  const current = page ? await sessionFromRequest(request, settings) : undefined;
  let response: NextResponse;
  if (page && current === undefined) {
    const signin = new URL('/signin', request.url);
    signin.searchParams.set('next', `${pathname}${search}`);
    response = NextResponse.redirect(signin);
  } else {
    // Next.js reads the nonce from the forwarded CSP header and applies it to its scripts.
    const forwarded = new Headers(request.headers);
    forwarded.set('x-nonce', nonce);
    forwarded.set('content-security-policy', headers['Content-Security-Policy'] ?? '');
    forwarded.set(REQUESTED_PATH_HEADER, `${pathname}${search}`);
    response = NextResponse.next({ request: { headers: forwarded } });
    // Server components cannot set cookies, so a page view renews the session here.
    if (current?.renewCookie !== undefined) {
      response.headers.append('set-cookie', current.renewCookie);
    }
  }

  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
