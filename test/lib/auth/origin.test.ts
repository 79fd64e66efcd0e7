import { describe, expect, it, vi } from 'vitest';
import { assertSameOrigin, expectedOrigin } from '@/lib/auth/origin';
import { withAuthEnvironment } from '@/test/support/auth';

withAuthEnvironment();

function post(url: string, headers: Record<string, string>): Request {
  return new Request(url, { method: 'POST', headers });
}

describe('same-origin rule', () => {
  it('accepts the origin named by DASHBOARD_PUBLIC_URL', () => {
    vi.stubEnv('DASHBOARD_PUBLIC_URL', 'https://jenkins-admin.example.com/some/path');
    const request = post('http://10.0.0.5:3000/api/x', {
      origin: 'https://jenkins-admin.example.com',
      host: '10.0.0.5:3000',
    });
    expect(() => assertSameOrigin(request)).not.toThrow();
  });

  it('refuses another scheme or port of the public origin', () => {
    vi.stubEnv('DASHBOARD_PUBLIC_URL', 'https://jenkins-admin.example.com');
    for (const origin of [
      'http://jenkins-admin.example.com',
      'https://jenkins-admin.example.com:8443',
    ]) {
      expect(() =>
        assertSameOrigin(post('https://jenkins-admin.example.com/api/x', { origin })),
      ).toThrow(expect.objectContaining({ code: 'forbidden:origin' }));
    }
  });

  it('ignores a spoofed Host header when the public URL is set', () => {
    vi.stubEnv('DASHBOARD_PUBLIC_URL', 'https://jenkins-admin.example.com');
    const request = post('https://jenkins-admin.example.com/api/x', {
      origin: 'https://evil.example',
      host: 'evil.example',
    });
    expect(() => assertSameOrigin(request)).toThrow(
      expect.objectContaining({ code: 'forbidden:origin' }),
    );
  });

  describe('without DASHBOARD_PUBLIC_URL', () => {
    it.each(['127.0.0.1:3000', 'localhost:3000', '[::1]:3000', 'localhost'])(
      'accepts the loopback development origin of Host %s',
      (host) => {
        vi.stubEnv('DASHBOARD_PUBLIC_URL', undefined);
        expect(() =>
          assertSameOrigin(post(`http://${host}/api/x`, { origin: `http://${host}`, host })),
        ).not.toThrow();
      },
    );

    it('refuses a DNS-rebinding page whose Host and Origin agree on a foreign name', () => {
      vi.stubEnv('DASHBOARD_PUBLIC_URL', undefined);
      const request = post('http://evil.example:3000/api/x', {
        origin: 'http://evil.example:3000',
        host: 'evil.example:3000',
      });
      expect(() => assertSameOrigin(request)).toThrow(/DASHBOARD_PUBLIC_URL/);
    });

    it('refuses a Host header that smuggles more than a host and port', () => {
      vi.stubEnv('DASHBOARD_PUBLIC_URL', undefined);
      const request = post('http://127.0.0.1/api/x', {
        origin: 'http://127.0.0.1',
        host: 'evil.example@127.0.0.1',
      });
      expect(() => expectedOrigin(request)).toThrow(
        expect.objectContaining({ code: 'forbidden:origin' }),
      );
    });
  });
});
