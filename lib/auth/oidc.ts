import * as client from 'openid-client';
import { AppError } from '@/lib/errors';
import { readCookie, serializeCookie } from './cookies';
import { safeNextPath } from './next-path';
import { readOidcSettings, roleFromClaims, type OidcSettings } from './oidc-settings';
import { expectedOrigin } from './origin';
import type { User } from './roles';
import { seal, unseal } from './session';
import { readAuthSettings, type AuthSettings } from './settings';

/**
 * The OpenID Connect authorization code flow with PKCE, state and nonce, through
 * `openid-client`. What the callback must check (verifier, state, nonce, where to go next)
 * travels in a short-lived sealed cookie scoped to the callback path, so no server-side store
 * is needed and any replica can finish a sign-in another one started.
 */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

const TRANSACTION_COOKIE = 'dashboard-oidc';
const TRANSACTION_SECONDS = 600;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const configurations = new Map<string, Promise<client.Configuration>>();

/**
 * Discovers the issuer once per process. Plain http is allowed only for a loopback issuer (a
 * provider run beside the dashboard in development and tests); anything else must be https.
 */
function configuration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer.href} ${settings.clientId}`;
  let pending = configurations.get(key);
  if (pending === undefined) {
    const insecure = settings.issuer.protocol === 'http:' && LOOPBACK.has(settings.issuer.hostname);
    pending = client.discovery(
      settings.issuer,
      settings.clientId,
      settings.clientSecret,
      settings.clientSecret === undefined
        ? client.None()
        : client.ClientSecretBasic(settings.clientSecret),
      { execute: insecure ? [client.allowInsecureRequests] : [], timeout: 10 },
    );
    // A failed discovery (provider down) must not stick; the next sign-in tries again.
    pending.catch(() => configurations.delete(key));
    configurations.set(key, pending);
  }
  return pending;
}

function requireOidc(): OidcSettings {
  const settings = readOidcSettings();
  if (settings === undefined)
    throw new AppError('not_found:oidc', 'Single sign-on is not configured.');
  return settings;
}

/** Whether the sign-in page should offer single sign-on. */
export function isOidcEnabled(): boolean {
  return readOidcSettings() !== undefined;
}

/**
 * Starts a sign-in: the identity provider's authorization URL (with the PKCE challenge, state
 * and nonce) and the Set-Cookie that carries their secrets to the callback.
 */
export async function startOidcSignIn(
  request: Request,
  next: string | null,
  auth: AuthSettings = readAuthSettings(),
): Promise<{ location: URL; cookie: string }> {
  const settings = requireOidc();
  const config = await configuration(settings);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();

  const location = client.buildAuthorizationUrl(config, {
    redirect_uri: `${expectedOrigin(request, auth)}${OIDC_CALLBACK_PATH}`,
    scope: settings.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const transaction = await seal(
    {
      verifier,
      state,
      nonce,
      next: safeNextPath(next),
      exp: Math.floor(Date.now() / 1000) + TRANSACTION_SECONDS,
    },
    'oidc transaction v1',
    auth,
  );
  const cookie = serializeCookie(TRANSACTION_COOKIE, transaction, {
    maxAge: TRANSACTION_SECONDS,
    secure: auth.secureCookies,
    path: OIDC_CALLBACK_PATH,
  });
  return { location, cookie };
}

/** The Set-Cookie that removes the transaction cookie, whatever the callback's outcome. */
export function clearOidcTransaction(auth: AuthSettings = readAuthSettings()): string {
  return serializeCookie(TRANSACTION_COOKIE, '', {
    maxAge: 0,
    secure: auth.secureCookies,
    path: OIDC_CALLBACK_PATH,
  });
}

function displayName(claims: Record<string, unknown>, subject: string): string {
  for (const claim of ['name', 'preferred_username', 'email']) {
    const value = claims[claim];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 100);
  }
  return subject;
}

/**
 * Finishes a sign-in at the callback: checks state, exchanges the code with the PKCE verifier,
 * validates the ID token (signature, issuer, audience, nonce) and maps the role claim. Throws
 * `unauthorized:oidc` for a broken or replayed flow and `forbidden:role` for a person whose
 * claims map to no role.
 */
export async function finishOidcSignIn(
  request: Request,
  auth: AuthSettings = readAuthSettings(),
): Promise<{ user: User; next: string }> {
  const settings = requireOidc();
  const token = readCookie(request.headers.get('cookie'), TRANSACTION_COOKIE);
  const transaction =
    token === undefined ? undefined : await unseal(token, 'oidc transaction v1', auth);
  const { verifier, state, nonce, next, exp } = transaction ?? {};
  if (
    typeof verifier !== 'string' ||
    typeof state !== 'string' ||
    typeof nonce !== 'string' ||
    typeof exp !== 'number' ||
    exp * 1000 < Date.now()
  ) {
    throw new AppError(
      'unauthorized:oidc',
      'The sign-in took too long or was not started here. Try again.',
    );
  }

  // The callback URL as the provider saw it, not as a proxy in front of us rewrote it.
  const callback = new URL(`${expectedOrigin(request, auth)}${OIDC_CALLBACK_PATH}`);
  callback.search = new URL(request.url).search;

  const config = await configuration(settings);
  let claims: Record<string, unknown>;
  let subject: string;
  try {
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (idClaims === undefined) throw new Error('no ID token');
    subject = idClaims.sub;
    claims = { ...idClaims };
    if (!(settings.roleClaim in claims) && config.serverMetadata().userinfo_endpoint) {
      claims = { ...(await client.fetchUserInfo(config, tokens.access_token, subject)), ...claims };
    }
  } catch (error) {
    throw new AppError(
      'unauthorized:oidc',
      'Single sign-on did not complete. Try again.',
      undefined,
      {
        cause: error,
      },
    );
  }

  const role = roleFromClaims(claims, settings);
  if (role === undefined) {
    throw new AppError(
      'forbidden:role',
      'Your account has no role on this dashboard. Ask an administrator.',
    );
  }
  return {
    user: { id: `oidc:${subject}`, name: displayName(claims, subject), role, provider: 'oidc' },
    next: safeNextPath(typeof next === 'string' ? next : null),
  };
}
