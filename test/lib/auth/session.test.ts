import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endSession, sessionFromRequest, startSession } from '@/lib/auth/session';
import { readAuthSettings } from '@/lib/auth/settings';
import { TEST_ORIGIN, testUser, withAuthEnvironment } from '@/test/support/auth';

withAuthEnvironment({ DASHBOARD_SESSION_IDLE_MINUTES: '30', DASHBOARD_SESSION_MAX_HOURS: '12' });

const MINUTE = 60_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-06-01T08:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

function cookieValue(setCookie: string): string {
  return setCookie.split(';')[0] ?? '';
}

function requestWith(cookie: string): Request {
  return new Request(`${TEST_ORIGIN}/api/stacks`, { headers: { cookie } });
}

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax, path / and lives as long as the idle timeout', async () => {
    const { cookie } = await startSession(testUser('viewer'));
    expect(cookie).toMatch(
      /^dashboard-session=[^;]+; Path=\/; Max-Age=1800; HttpOnly; SameSite=Lax$/,
    );
  });

  it('is Secure and __Host- prefixed when the public URL is https', async () => {
    vi.stubEnv('DASHBOARD_PUBLIC_URL', 'https://jenkins-admin.example.com');
    const { cookie } = await startSession(testUser('viewer'));
    expect(cookie).toMatch(/^__Host-dashboard-session=/);
    expect(cookie).toContain('; Secure');
  });

  it('is sealed: the value shows neither the user nor the role', async () => {
    const { cookie } = await startSession({ ...testUser('admin'), name: 'Ada Lovelace' });
    expect(cookie).not.toContain('Ada');
    expect(Buffer.from(cookie.split('.')[2] ?? '', 'base64url').toString()).not.toContain('admin');
  });

  it('does not open with another secret', async () => {
    const { cookie } = await startSession(testUser('viewer'));
    vi.stubEnv('DASHBOARD_SESSION_SECRET', 'a different secret that is also long enough');
    expect(await sessionFromRequest(requestWith(cookieValue(cookie)))).toBeUndefined();
  });

  it('does not open when a single character is changed', async () => {
    const { cookie } = await startSession(testUser('viewer'));
    const value = cookieValue(cookie);
    const tampered = `${value.slice(0, -2)}${value.endsWith('A') ? 'B' : 'A'}${value.slice(-1)}`;
    expect(await sessionFromRequest(requestWith(tampered))).toBeUndefined();
  });
});

describe('session lifetime', () => {
  it('ends after the idle timeout without activity', async () => {
    const { cookie } = await startSession(testUser('viewer'));
    vi.advanceTimersByTime(29 * MINUTE);
    expect(await sessionFromRequest(requestWith(cookieValue(cookie)))).toBeDefined();
    vi.advanceTimersByTime(2 * MINUTE);
    expect(await sessionFromRequest(requestWith(cookieValue(cookie)))).toBeUndefined();
  });

  it('is renewed by activity, so an active user stays signed in past the idle timeout', async () => {
    let { cookie } = await startSession(testUser('viewer'));
    for (let step = 0; step < 4; step += 1) {
      vi.advanceTimersByTime(20 * MINUTE);
      const current = await sessionFromRequest(requestWith(cookieValue(cookie)));
      expect(current?.renewCookie).toBeDefined();
      cookie = current?.renewCookie ?? '';
    }
    // 80 minutes after sign-in, and still signed in.
    expect(await sessionFromRequest(requestWith(cookieValue(cookie)))).toBeDefined();
  });

  it('writes no renewal cookie within a minute of the last one', async () => {
    const { cookie } = await startSession(testUser('viewer'));
    vi.advanceTimersByTime(30_000);
    const current = await sessionFromRequest(requestWith(cookieValue(cookie)));
    expect(current?.session.user.role).toBe('viewer');
    expect(current?.renewCookie).toBeUndefined();
  });

  it('ends at the absolute maximum however active the user is', async () => {
    let { cookie } = await startSession(testUser('viewer'));
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      vi.advanceTimersByTime(20 * MINUTE);
      cookie = (await sessionFromRequest(requestWith(cookieValue(cookie))))?.renewCookie ?? cookie;
    }
    vi.advanceTimersByTime(21 * MINUTE);
    expect(await sessionFromRequest(requestWith(cookieValue(cookie)))).toBeUndefined();
  });

  it('shortens the last renewal cookie to what is left of the absolute maximum', async () => {
    let { cookie } = await startSession(testUser('viewer'));
    for (let elapsed = 0; elapsed < 700; elapsed += 20) {
      vi.advanceTimersByTime(20 * MINUTE);
      cookie = (await sessionFromRequest(requestWith(cookieValue(cookie))))?.renewCookie ?? cookie;
    }
    vi.advanceTimersByTime(10 * MINUTE);
    const last = await sessionFromRequest(requestWith(cookieValue(cookie)));
    expect(last?.renewCookie).toContain('Max-Age=600;');
  });
});

describe('sign-in rotation and sign-out', () => {
  it('gives every sign-in a new session id', async () => {
    const first = await startSession(testUser('viewer'));
    const second = await startSession(testUser('viewer'));
    expect(first.session.id).not.toBe(second.session.id);
    expect(cookieValue(first.cookie)).not.toBe(cookieValue(second.cookie));
  });

  it('clears the cookie and refuses the old value afterwards', async () => {
    const { cookie } = await startSession(testUser('operator'));
    const request = requestWith(cookieValue(cookie));
    const cleared = await endSession(request);
    expect(cleared).toMatch(
      /^dashboard-session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax; Expires=/,
    );
    expect(await sessionFromRequest(requestWith(cookieValue(cookie)))).toBeUndefined();
  });
});

describe('session secret', () => {
  it('refuses to work with a secret under 32 characters, naming the variable', async () => {
    vi.stubEnv('DASHBOARD_SESSION_SECRET', 'too short');
    await expect(startSession(testUser('viewer'))).rejects.toThrow(/DASHBOARD_SESSION_SECRET/);
  });

  it('refuses to work without a secret', () => {
    vi.stubEnv('DASHBOARD_SESSION_SECRET', undefined);
    expect(() => readAuthSettings()).toThrow(/DASHBOARD_SESSION_SECRET must be set/);
  });

  it('names the variable of a bad idle timeout', () => {
    vi.stubEnv('DASHBOARD_SESSION_IDLE_MINUTES', 'soon');
    expect(() => readAuthSettings()).toThrow(/DASHBOARD_SESSION_IDLE_MINUTES/);
  });
});
