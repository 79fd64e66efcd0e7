import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pageUser } from '@/lib/auth';
import { sessionCookie, withAuthEnvironment } from '@/test/support/auth';

const request = vi.hoisted(() => ({ cookie: '', path: '' }));

vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => {
      const [cookieName, value] = request.cookie.split(/=(.*)/s);
      return cookieName === name ? { name, value } : undefined;
    },
  }),
  headers: async () => new Headers({ 'x-dashboard-path': request.path }),
}));

vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  forbidden: () => {
    throw new Error('forbidden');
  },
}));

withAuthEnvironment();

beforeEach(() => {
  request.cookie = '';
  request.path = '/stacks/ci?tab=events';
});

describe('pageUser', () => {
  it('redirects an anonymous visitor to /signin with the page to come back to', async () => {
    await expect(pageUser('viewer')).rejects.toThrow(
      'redirect /signin?next=%2Fstacks%2Fci%3Ftab%3Devents',
    );
  });

  it('never puts another site into the next parameter', async () => {
    request.path = '//evil.example/';
    await expect(pageUser('viewer')).rejects.toThrow('redirect /signin?next=%2F');
  });

  it('shows the forbidden page to a user whose role is too low', async () => {
    request.cookie = await sessionCookie('viewer');
    await expect(pageUser('operator')).rejects.toThrow('forbidden');
  });

  it('returns the user whose role is high enough', async () => {
    request.cookie = await sessionCookie('admin');
    await expect(pageUser('operator')).resolves.toMatchObject({ role: 'admin', provider: 'local' });
  });
});
