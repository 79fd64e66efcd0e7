import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as callback } from '@/app/api/auth/oidc/callback/route';
import { GET as start } from '@/app/api/auth/oidc/start/route';
import { sessionFromRequest } from '@/lib/auth/session';
import { TEST_ORIGIN, captureLogLines, segment, withAuthEnvironment } from '@/test/support/auth';
import { startIdentityProvider, type TestIdentityProvider } from '@/test/support/oidc-provider';

const CALLBACK = `${TEST_ORIGIN}/api/auth/oidc/callback`;
let idp: TestIdentityProvider;

beforeAll(async () => {
  idp = await startIdentityProvider(CALLBACK, {
    ada: { name: 'Ada Lovelace', email: 'ada@example.com', groups: ['staff', 'ci-operators'] },
    eve: { name: 'Eve', email: 'eve@example.com', groups: ['staff'] },
  });
});
afterAll(async () => {
  await idp.close();
});

withAuthEnvironment();
const logs = captureLogLines();

beforeEach(() => {
  vi.stubEnv('OIDC_ISSUER', idp.issuer);
  vi.stubEnv('OIDC_CLIENT_ID', idp.clientId);
  vi.stubEnv('OIDC_CLIENT_SECRET', idp.clientSecret);
  vi.stubEnv('OIDC_ROLE_MAP', 'ci-operators=operator,ci-admins=admin');
});

function firstPart(setCookie: string): string {
  return setCookie.split(';')[0] ?? '';
}

/**
 * What a browser does between the dashboard's redirect and the provider's redirect back:
 * follows the provider's own redirects, keeping the provider's cookies.
 */
async function throughProvider(authorizationUrl: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop += 1) {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [name = '', value = ''] = firstPart(setCookie).split(/=(.*)/s);
      jar.set(name, value);
    }
    const location = response.headers.get('location');
    if (location === null) throw new Error(`provider answered ${response.status} at ${url}`);
    const next = new URL(location, url);
    if (next.href.startsWith(CALLBACK)) return next;
    url = next.href;
  }
  throw new Error('too many redirects at the provider');
}

async function beginSignIn(next: string) {
  const response = await start(
    new Request(`${TEST_ORIGIN}/api/auth/oidc/start?next=${encodeURIComponent(next)}`),
    segment(),
  );
  expect(response.status).toBe(303);
  return {
    location: new URL(response.headers.get('location') ?? ''),
    transactionCookie: firstPart(response.headers.get('set-cookie') ?? ''),
    setCookie: response.headers.get('set-cookie') ?? '',
  };
}

async function finish(callbackUrl: URL, cookie: string) {
  const response = await callback(new Request(callbackUrl, { headers: { cookie } }), segment());
  expect(response.status).toBe(303);
  return response;
}

describe('OpenID Connect sign-in', () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce, keeping the secrets in a sealed cookie', async () => {
    const { location, transactionCookie, setCookie } = await beginSignIn('/stacks/ci');
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    expect(location.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(setCookie).toContain('Path=/api/auth/oidc/callback');
    expect(setCookie).toContain('HttpOnly');
    expect(transactionCookie).not.toContain(location.searchParams.get('state') ?? '-');
  });

  it('signs in end to end through the callback with the role mapped from the groups claim', async () => {
    idp.signInAs('ada');
    const { location, transactionCookie } = await beginSignIn('/stacks/ci?tab=events');
    const returned = await throughProvider(location.href);
    expect(returned.searchParams.get('code')).toBeTruthy();

    const response = await finish(returned, transactionCookie);
    expect(response.headers.get('location')).toBe(`${TEST_ORIGIN}/stacks/ci?tab=events`);
    const cookies = response.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^dashboard-oidc=; .*Max-Age=0/);
    const sessionCookie = firstPart(
      cookies.find((cookie) => cookie.startsWith('dashboard-session=')) ?? '',
    );
    const current = await sessionFromRequest(
      new Request(`${TEST_ORIGIN}/`, { headers: { cookie: sessionCookie } }),
    );
    expect(current?.session.user).toEqual({
      id: 'oidc:ada',
      name: 'Ada Lovelace',
      role: 'operator',
      provider: 'oidc',
    });

    const audit = logs.records().find((record) => record.event === 'audit');
    expect(audit).toMatchObject({ action: 'auth.oidc', userId: 'oidc:ada', outcome: 'succeeded' });
    const requestLine = logs.records().find((record) => record.path === '/api/auth/oidc/callback');
    expect(requestLine).toMatchObject({ userId: 'oidc:ada', status: 303 });
    const everything = logs.lines.join('\n');
    expect(everything).not.toContain(returned.searchParams.get('code') ?? '-');
    expect(everything).not.toContain(idp.clientSecret);
  });

  it('refuses a person whose groups map to no role', async () => {
    idp.signInAs('eve');
    const { location, transactionCookie } = await beginSignIn('/');
    const response = await finish(await throughProvider(location.href), transactionCookie);
    expect(response.headers.get('location')).toBe(`${TEST_ORIGIN}/signin?error=no-role`);
    expect(
      response.headers.getSetCookie().some((cookie) => cookie.startsWith('dashboard-session=')),
    ).toBe(false);
  });

  it('gives OIDC_DEFAULT_ROLE to a person whose groups map to no role', async () => {
    vi.stubEnv('OIDC_DEFAULT_ROLE', 'viewer');
    idp.signInAs('eve');
    const { location, transactionCookie } = await beginSignIn('/');
    const response = await finish(await throughProvider(location.href), transactionCookie);
    expect(response.headers.get('location')).toBe(`${TEST_ORIGIN}/`);
  });

  it('refuses a callback without the transaction cookie (a code injected from elsewhere)', async () => {
    idp.signInAs('ada');
    const { location } = await beginSignIn('/');
    const response = await finish(await throughProvider(location.href), '');
    expect(response.headers.get('location')).toBe(`${TEST_ORIGIN}/signin?error=sso-failed`);
  });

  it('refuses a callback whose state belongs to another sign-in', async () => {
    idp.signInAs('ada');
    const first = await beginSignIn('/');
    const second = await beginSignIn('/');
    const returned = await throughProvider(first.location.href);
    const response = await finish(returned, second.transactionCookie);
    expect(response.headers.get('location')).toBe(`${TEST_ORIGIN}/signin?error=sso-failed`);
  });

  it('refuses a code used a second time', async () => {
    idp.signInAs('ada');
    const { location, transactionCookie } = await beginSignIn('/');
    const returned = await throughProvider(location.href);
    await finish(returned, transactionCookie);
    const replay = await finish(returned, transactionCookie);
    expect(replay.headers.get('location')).toBe(`${TEST_ORIGIN}/signin?error=sso-failed`);
  });
});
