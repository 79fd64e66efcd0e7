import { hkdfSync, randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import { readCookie, serializeCookie } from './cookies';
import { ROLES, type User } from './roles';
import { readAuthSettings, type AuthSettings } from './settings';

/**
 * Sessions live in one sealed cookie (JWE, `dir` + A256GCM: encrypted and authenticated with a
 * key derived from DASHBOARD_SESSION_SECRET), so any replica can read them without shared
 * storage. Sign-out also records the session id in this process's revocation list, which a
 * replica does not share with the others; the cookie itself is cleared either way and the
 * idle timeout bounds what a copied cookie is worth.
 */
export interface Session {
  /** Fresh on every sign-in, so a cookie planted before sign-in is never promoted. */
  readonly id: string;
  readonly user: User;
  /** Epoch milliseconds of the sign-in; bounds the absolute lifetime. */
  readonly signedInAt: number;
  /** Epoch milliseconds of the last renewal; bounds the idle time. */
  readonly lastSeenAt: number;
}

/** A session read from a request, and the Set-Cookie that renews it when one is due. */
export interface RequestSession {
  readonly session: Session;
  readonly renewCookie: string | undefined;
}

/** Renewal writes a new cookie at most this often, not on every request. */
const RENEW_AFTER_MS = 60_000;

const payloadSchema = z.object({
  sid: z.string().min(1),
  uid: z.string().min(1),
  name: z.string(),
  role: z.enum(ROLES),
  provider: z.enum(['local', 'oidc']),
  iat: z.number(),
  seen: z.number(),
});

// Process-wide, not module-wide: Next bundles proxy.ts and each route separately, and all of
// them must see a sign-out.
const REVOKED_KEY = Symbol.for('jenkins-on-aws.revoked-sessions');
const processGlobals = globalThis as { [REVOKED_KEY]?: Map<string, number> };
const revoked = (processGlobals[REVOKED_KEY] ??= new Map<string, number>());

/** The session cookie's name: `__Host-` prefixed over https so no subdomain can set it. */
export function sessionCookieName(settings: AuthSettings = readAuthSettings()): string {
  return settings.secureCookies ? '__Host-dashboard-session' : 'dashboard-session';
}

/** The 32-byte key for one purpose, derived from the session secret. */
export function derivedKey(settings: AuthSettings, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', settings.sessionSecret, 'jenkins-on-aws', purpose, 32));
}

/** Seals a JSON-safe claim set into a compact JWE with a key derived for `purpose`. */
export async function seal(
  claims: Record<string, unknown>,
  purpose: string,
  settings: AuthSettings = readAuthSettings(),
): Promise<string> {
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .encrypt(derivedKey(settings, purpose));
}

/** Opens what `seal` made for the same purpose; undefined when forged, tampered or foreign. */
export async function unseal(
  token: string,
  purpose: string,
  settings: AuthSettings = readAuthSettings(),
): Promise<Record<string, unknown> | undefined> {
  try {
    const { payload } = await jwtDecrypt(token, derivedKey(settings, purpose));
    return payload as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

async function cookieFor(session: Session, settings: AuthSettings): Promise<string> {
  const token = await seal(
    {
      sid: session.id,
      uid: session.user.id,
      name: session.user.name,
      role: session.user.role,
      provider: session.user.provider,
      iat: session.signedInAt,
      seen: session.lastSeenAt,
    },
    'session v1',
    settings,
  );
  const remainingMs = Math.min(
    settings.idleMs,
    session.signedInAt + settings.maxAgeMs - session.lastSeenAt,
  );
  return serializeCookie(sessionCookieName(settings), token, {
    maxAge: remainingMs / 1000,
    secure: settings.secureCookies,
  });
}

function forgetExpiredRevocations(now: number): void {
  for (const [id, until] of revoked) if (until <= now) revoked.delete(id);
}

/**
 * Opens a session cookie value, refusing it when it is forged, past its idle timeout, past its
 * absolute lifetime or signed out on this replica.
 */
export async function openSession(
  token: string,
  settings: AuthSettings = readAuthSettings(),
  now: number = Date.now(),
): Promise<Session | undefined> {
  const parsed = payloadSchema.safeParse(await unseal(token, 'session v1', settings));
  if (!parsed.success) return undefined;
  const claims = parsed.data;

  if (now - claims.seen > settings.idleMs) return undefined;
  if (now - claims.iat > settings.maxAgeMs) return undefined;
  if (revoked.has(claims.sid)) return undefined;

  return {
    id: claims.sid,
    user: { id: claims.uid, name: claims.name, role: claims.role, provider: claims.provider },
    signedInAt: claims.iat,
    lastSeenAt: claims.seen,
  };
}

/**
 * The session a request carries, if any, with a renewing Set-Cookie once the last renewal is
 * a minute old (activity keeps a session alive; idle time ends it).
 */
export async function sessionFromRequest(
  request: Request,
  settings: AuthSettings = readAuthSettings(),
): Promise<RequestSession | undefined> {
  const token = readCookie(request.headers.get('cookie'), sessionCookieName(settings));
  if (token === undefined) return undefined;

  const now = Date.now();
  const session = await openSession(token, settings, now);
  if (session === undefined) return undefined;
  if (now - session.lastSeenAt < RENEW_AFTER_MS) return { session, renewCookie: undefined };

  const renewed = { ...session, lastSeenAt: now };
  return { session: renewed, renewCookie: await cookieFor(renewed, settings) };
}

/** Starts a session for a user who just signed in: a new id, and the Set-Cookie carrying it. */
export async function startSession(
  user: User,
  settings: AuthSettings = readAuthSettings(),
): Promise<{ session: Session; cookie: string }> {
  const now = Date.now();
  const session: Session = { id: randomUUID(), user, signedInAt: now, lastSeenAt: now };
  return { session, cookie: await cookieFor(session, settings) };
}

/**
 * Ends the request's session: revokes its id on this replica until it would have expired and
 * returns the Set-Cookie that clears it in the browser.
 */
export async function endSession(
  request: Request,
  settings: AuthSettings = readAuthSettings(),
): Promise<string> {
  const now = Date.now();
  forgetExpiredRevocations(now);
  const token = readCookie(request.headers.get('cookie'), sessionCookieName(settings));
  const session = token === undefined ? undefined : await openSession(token, settings, now);
  if (session !== undefined) revoked.set(session.id, session.signedInAt + settings.maxAgeMs);
  return serializeCookie(sessionCookieName(settings), '', {
    maxAge: 0,
    secure: settings.secureCookies,
  });
}
