import { AppError } from '@/lib/errors';

/**
 * Sign-in and session settings, each one environment variable. They are read on every use
 * (cheap) so that tests and a restarted process see the current environment; a bad value
 * fails with a message naming the variable.
 */
export interface AuthSettings {
  /** At least 32 characters; keys for sealing session cookies are derived from it. */
  readonly sessionSecret: string;
  /** A session unused this long ends; every authenticated request renews it. */
  readonly idleMs: number;
  /** A session ends this long after sign-in however active it is. */
  readonly maxAgeMs: number;
  /**
   * The dashboard's public origin (`https://jenkins-admin.example.com`), the only Origin a
   * mutating request may carry. Undefined means loopback development (see `lib/auth/origin.ts`).
   */
  readonly publicOrigin: string | undefined;
  /** Cookies get `Secure` (and the `__Host-` prefix) when the public URL is https. */
  readonly secureCookies: boolean;
  /** Proxies in front of the dashboard that append to X-Forwarded-For (0 = none). */
  readonly trustedProxyHops: number;
}

const MIN_SECRET_LENGTH = 32;

function configError(message: string): AppError {
  return new AppError('internal:config', `Configuration error: ${message}`);
}

function positiveNumber(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  { integer = false, allowZero = false } = {},
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  const valid =
    Number.isFinite(value) &&
    (allowZero ? value >= 0 : value > 0) &&
    (!integer || Number.isInteger(value));
  if (!valid) {
    throw configError(
      `${name} must be a ${integer ? 'whole ' : ''}number above ${allowZero ? '-1' : '0'}, not "${raw}".`,
    );
  }
  return value;
}

function readPublicOrigin(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw configError(
      `DASHBOARD_PUBLIC_URL must be a URL such as https://jenkins-admin.example.com, not "${raw}".`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configError('DASHBOARD_PUBLIC_URL must start with https:// (or http:// for local use).');
  }
  return url.origin;
}

/** Reads and validates the auth settings from an environment (process.env by default). */
export function readAuthSettings(
  env: Record<string, string | undefined> = process.env,
): AuthSettings {
  const sessionSecret = env.DASHBOARD_SESSION_SECRET ?? '';
  if (sessionSecret.length < MIN_SECRET_LENGTH) {
    throw configError(
      `DASHBOARD_SESSION_SECRET must be set to at least ${MIN_SECRET_LENGTH} random characters ` +
        '(for example the output of `openssl rand -base64 48`); sessions cannot be sealed without it.',
    );
  }

  const idleMinutes = positiveNumber(env, 'DASHBOARD_SESSION_IDLE_MINUTES', 30);
  const maxHours = positiveNumber(env, 'DASHBOARD_SESSION_MAX_HOURS', 12);
  const trustedProxyHops = positiveNumber(env, 'DASHBOARD_TRUSTED_PROXY_HOPS', 0, {
    integer: true,
    allowZero: true,
  });
  const publicOrigin = readPublicOrigin(env.DASHBOARD_PUBLIC_URL);

  return {
    sessionSecret,
    idleMs: idleMinutes * 60_000,
    maxAgeMs: maxHours * 3_600_000,
    publicOrigin,
    secureCookies: publicOrigin?.startsWith('https:') ?? false,
    trustedProxyHops,
  };
}
