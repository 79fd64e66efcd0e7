import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxy } from '@/proxy';
import { TEST_ORIGIN, sessionCookie, withAuthEnvironment } from '@/test/support/auth';

withAuthEnvironment();

afterEach(() => {
  vi.useRealTimers();
});

async function visit(path: string, headers: Record<string, string> = {}) {
  return proxy(new NextRequest(new URL(path, TEST_ORIGIN), { headers }));
}

function forwarded(response: Response, name: string): string | null {
  return response.headers.get(`x-middleware-request-${name}`);
}

describe('proxy', () => {
  describe('security headers', () => {
    it('sets a nonce-based CSP and the other headers on a page', async () => {
      const response = await visit('/', { cookie: await sessionCookie('viewer') });
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    });

    it('hands the nonce to Next.js through the forwarded CSP request header', async () => {
      const response = await visit('/stacks/ci?tab=events', {
        cookie: await sessionCookie('viewer'),
      });
      const csp = response.headers.get('content-security-policy');
      expect(forwarded(response, 'content-security-policy')).toBe(csp);
      expect(csp).toContain(`'nonce-${forwarded(response, 'x-nonce')}'`);
      expect(forwarded(response, 'x-dashboard-path')).toBe('/stacks/ci?tab=events');
    });

    it('uses a new nonce for every response', async () => {
      const cookie = await sessionCookie('viewer');
      const first = (await visit('/', { cookie })).headers.get('content-security-policy');
      const second = (await visit('/', { cookie })).headers.get('content-security-policy');
      expect(first).not.toBe(second);
    });

    it('adds HSTS and upgrade-insecure-requests over https', async () => {
      vi.stubEnv('DASHBOARD_PUBLIC_URL', 'https://jenkins-admin.example.com');
      const response = await visit('/signin');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8}/);
      expect(response.headers.get('content-security-policy')).toContain(
        'upgrade-insecure-requests',
      );
    });

    it('sets the headers on API responses, redirects and static assets too', async () => {
      for (const response of [
        await visit('/api/stacks'),
        await visit('/stacks'),
        await visit('/_next/static/chunk.js'),
      ]) {
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      }
    });

    it('does not trust a path header sent by the client', async () => {
      const response = await visit('/', {
        cookie: await sessionCookie('viewer'),
        'x-dashboard-path': '//evil.example',
      });
      expect(forwarded(response, 'x-dashboard-path')).toBe('/');
    });
  });

  describe('anonymous visitors', () => {
    it('sends an anonymous page request to /signin with the page to come back to', async () => {
      const response = await visit('/stacks/ci?tab=events');
      expect(response.status).toBe(307);
      const location = new URL(response.headers.get('location') ?? '');
      expect(location.pathname).toBe('/signin');
      expect(location.searchParams.get('next')).toBe('/stacks/ci?tab=events');
    });

    it('lets the sign-in page, API routes and assets through (handlers answer 401 themselves)', async () => {
      for (const path of [
        '/signin',
        '/api/stacks',
        '/api/health',
        '/favicon.ico',
        '/_next/static/x.js',
      ]) {
        expect((await visit(path)).status).toBe(200);
      }
    });

    it('treats an expired session as anonymous', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const cookie = await sessionCookie('viewer');
      vi.advanceTimersByTime(31 * 60_000);
      expect((await visit('/', { cookie })).status).toBe(307);
    });
  });

  it('renews the session of an active page visitor', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cookie = await sessionCookie('viewer');
    vi.advanceTimersByTime(5 * 60_000);
    const response = await visit('/', { cookie });
    expect(response.headers.get('set-cookie')).toMatch(
      /^dashboard-session=.+; Max-Age=1800; HttpOnly/,
    );
  });

  it('answers every request with a message naming DASHBOARD_SESSION_SECRET when it is missing', async () => {
    vi.stubEnv('DASHBOARD_SESSION_SECRET', '');
    const response = await visit('/');
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('DASHBOARD_SESSION_SECRET');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
