import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as signIn } from '@/app/api/auth/signin/route';
import { resetSignInLimits } from '@/lib/auth/local-signin';
import { hashPassword } from '@/lib/auth/passwords';
import { sessionFromRequest } from '@/lib/auth/session';
import {
  TEST_ORIGIN,
  TEST_SESSION_SECRET,
  captureLogLines,
  dashboardRequest,
  segment,
  withAuthEnvironment,
} from '@/test/support/auth';

const PASSWORD = 'correct horse battery staple';
let usersJson: string;

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  usersJson = JSON.stringify([
    { username: 'ada', name: 'Ada Lovelace', role: 'operator', passwordHash },
    { username: 'bob', name: 'Bob', role: 'viewer', passwordHash },
  ]);
});

withAuthEnvironment();
const logs = captureLogLines();

beforeEach(() => {
  vi.stubEnv('DASHBOARD_USERS', usersJson);
  resetSignInLimits();
});
afterEach(() => {
  vi.useRealTimers();
});

function attempt(username: string, password: string, address = '203.0.113.7', next?: string) {
  return dashboardRequest('/api/auth/signin', {
    method: 'POST',
    body: JSON.stringify({ username, password, next }),
    headers: { 'x-forwarded-for': address },
  }).then((request) => signIn(request, segment()));
}

describe('POST /api/auth/signin', () => {
  it('starts a session for the right password and says where to go next', async () => {
    const response = await attempt('ada', PASSWORD, undefined, '/stacks/ci');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { name: 'Ada Lovelace', role: 'operator' },
      next: '/stacks/ci',
    });

    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const session = await sessionFromRequest(
      new Request(`${TEST_ORIGIN}/`, { headers: { cookie } }),
    );
    expect(session?.session.user).toEqual({
      id: 'local:ada',
      name: 'Ada Lovelace',
      role: 'operator',
      provider: 'local',
    });
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const wrong = await attempt('ada', 'wrong password');
    const unknown = await attempt('mallory', 'wrong password');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('never sends somewhere off the dashboard after sign-in', async () => {
    const response = await attempt('ada', PASSWORD, undefined, '//evil.example/');
    expect(await response.json()).toMatchObject({ next: '/' });
  });

  it('refuses a cross-origin sign-in (login CSRF)', async () => {
    const request = await dashboardRequest('/api/auth/signin', {
      method: 'POST',
      origin: 'https://evil.example',
      body: JSON.stringify({ username: 'ada', password: PASSWORD }),
    });
    expect((await signIn(request, segment())).status).toBe(403);
  });

  it('refuses a text/plain or form-encoded sign-in', async () => {
    for (const [contentType, body] of [
      ['text/plain', JSON.stringify({ username: 'ada', password: PASSWORD })],
      [
        'application/x-www-form-urlencoded',
        `username=ada&password=${encodeURIComponent(PASSWORD)}`,
      ],
    ] as const) {
      const request = await dashboardRequest('/api/auth/signin', {
        method: 'POST',
        contentType,
        body,
      });
      expect((await signIn(request, segment())).status).toBe(415);
    }
  });

  it('refuses a body over 8 KiB', async () => {
    const response = await attempt('ada', 'x'.repeat(9000));
    expect(response.status).toBe(413);
  });

  describe('rate limiting', () => {
    it('locks a username after five failures, even for the right password, until the window passes', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      for (let failure = 0; failure < 5; failure += 1) {
        expect((await attempt('ada', 'guess', `198.51.100.${failure}`)).status).toBe(401);
      }
      const locked = await attempt('ada', PASSWORD, '198.51.100.99');
      expect(locked.status).toBe(429);
      expect(await locked.json()).toMatchObject({ code: 'rate_limited:signin' });
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);

      expect((await attempt('bob', PASSWORD, '198.51.100.99')).status).toBe(200);

      vi.advanceTimersByTime(15 * 60_000);
      expect((await attempt('ada', PASSWORD)).status).toBe(200);
    });

    it('locks a client address that sprays many usernames', async () => {
      for (let failure = 0; failure < 20; failure += 1) {
        expect((await attempt(`user${failure}`, 'guess', '192.0.2.1')).status).toBe(401);
      }
      expect((await attempt('ada', PASSWORD, '192.0.2.1')).status).toBe(429);
      expect((await attempt('ada', PASSWORD, '192.0.2.2')).status).toBe(200);
    });

    it('forgets a username’s failures after a successful sign-in', async () => {
      for (let failure = 0; failure < 4; failure += 1) await attempt('ada', 'guess');
      expect((await attempt('ada', PASSWORD)).status).toBe(200);
      for (let failure = 0; failure < 4; failure += 1) await attempt('ada', 'guess');
      expect((await attempt('ada', PASSWORD)).status).toBe(200);
    });
  });

  it('keeps passwords, hashes, the session secret and the cookie out of every body and log line', async () => {
    const bodies: string[] = [];
    const cookies: string[] = [];
    for (const password of [PASSWORD, 'a wrong but memorable password']) {
      const response = await attempt('ada', password);
      bodies.push(await response.text());
      cookies.push(response.headers.get('set-cookie')?.split(';')[0]?.split('=')[1] ?? '');
    }
    const hash = (JSON.parse(usersJson) as { passwordHash: string }[])[0]?.passwordHash ?? '';
    const everything = [...bodies, ...logs.lines].join('\n');
    expect(logs.lines.length).toBeGreaterThanOrEqual(4);
    for (const secret of [
      PASSWORD,
      'a wrong but memorable password',
      hash,
      TEST_SESSION_SECRET,
      ...cookies.filter(Boolean),
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(logs.records().filter((record) => record.event === 'audit')).toEqual([
      expect.objectContaining({
        action: 'auth.signin',
        username: 'ada',
        outcome: 'succeeded',
        userId: 'local:ada',
      }),
      expect.objectContaining({
        action: 'auth.signin',
        username: 'ada',
        outcome: 'refused',
        code: 'unauthorized:credentials',
      }),
    ]);
  });
});
