import pino from 'pino';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Role, User } from '@/lib/auth/roles';
import { sessionCookieName, startSession } from '@/lib/auth/session';
import { readAuthSettings } from '@/lib/auth/settings';
import { log } from '@/lib/log';

/** A session secret for tests only; long enough to pass the 32-character rule. */
export const TEST_SESSION_SECRET = 'test-only session secret, not for any real deployment';

/** The public origin tests run the dashboard under. */
export const TEST_ORIGIN = 'http://dashboard.test';

/** Stubs the auth environment for each test in the file and restores it afterwards. */
export function withAuthEnvironment(extra: Record<string, string | undefined> = {}): void {
  beforeEach(() => {
    vi.stubEnv('DASHBOARD_SESSION_SECRET', TEST_SESSION_SECRET);
    vi.stubEnv('DASHBOARD_PUBLIC_URL', TEST_ORIGIN);
    vi.stubEnv('DASHBOARD_USERS_FILE', undefined);
    vi.stubEnv('DASHBOARD_USERS', undefined);
    vi.stubEnv('OIDC_ISSUER', undefined);
    for (const [name, value] of Object.entries(extra)) vi.stubEnv(name, value);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
}

/** A user of the given role, as a session would carry them. */
export function testUser(role: Role): User {
  return { id: `local:${role}-user`, name: `${role} user`, role, provider: 'local' };
}

/** A Cookie header value holding a fresh session for a user of `role`. */
export async function sessionCookie(role: Role): Promise<string> {
  const { cookie } = await startSession(testUser(role));
  const value = cookie.split(';')[0] ?? '';
  if (!value.startsWith(`${sessionCookieName(readAuthSettings())}=`))
    throw new Error('unexpected cookie');
  return value;
}

export interface RequestOptions {
  method?: string;
  /** A session for this role, or none (anonymous). */
  role?: Role;
  /** The Origin header; defaults to the dashboard's own on non-GET requests, null for none. */
  origin?: string | null;
  contentType?: string | null;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/** A Request to the dashboard as a browser on the dashboard's own page would send it. */
export async function dashboardRequest(
  path: string,
  options: RequestOptions = {},
): Promise<Request> {
  const method = options.method ?? 'GET';
  const headers = new Headers(options.headers);
  const origin =
    options.origin === undefined ? (method === 'GET' ? null : TEST_ORIGIN) : options.origin;
  if (origin !== null) headers.set('origin', origin);
  if (options.role !== undefined) headers.set('cookie', await sessionCookie(options.role));
  const contentType =
    options.contentType === undefined
      ? options.body === undefined
        ? null
        : 'application/json'
      : options.contentType;
  if (contentType !== null) headers.set('content-type', contentType);
  return new Request(new URL(path, TEST_ORIGIN), { method, headers, body: options.body });
}

/** The route segment argument Next.js passes to a route handler. */
export function segment(params: Record<string, string | string[]> = {}) {
  return { params: Promise.resolve(params) };
}

/**
 * Captures every line the real logger writes (its real redaction and serialisers included) by
 * swapping its destination stream for the duration of each test.
 */
export function captureLogLines(): { lines: string[]; records: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const target = log as unknown as Record<symbol, unknown>;
  let original: unknown;
  beforeEach(() => {
    lines.length = 0;
    original = target[pino.symbols.streamSym];
    target[pino.symbols.streamSym] = { write: (line: string) => lines.push(line) };
  });
  afterEach(() => {
    target[pino.symbols.streamSym] = original;
  });
  return {
    lines,
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
