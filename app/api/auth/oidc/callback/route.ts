import { clearOidcTransaction, finishOidcSignIn } from '@/lib/auth/oidc';
import { expectedOrigin } from '@/lib/auth/origin';
import { startSession } from '@/lib/auth/session';
import { readAuthSettings } from '@/lib/auth/settings';
import { isAppError } from '@/lib/errors';
import { publicApiHandler } from '@/lib/http/handler';
import { log } from '@/lib/log';

/**
 * Where the identity provider sends the browser back. Success starts a session and goes to the
 * page the sign-in began from; failure goes back to /signin with a short reason code (the
 * cause is logged here, never shown).
 */
export const GET = publicApiHandler({ action: 'auth.oidc' }, async ({ request, identify }) => {
  const settings = readAuthSettings();
  const origin = expectedOrigin(request, settings);
  const headers = new Headers({ 'set-cookie': clearOidcTransaction(settings) });
  try {
    const { user, next } = await finishOidcSignIn(request, settings);
    identify(user);
    headers.append('set-cookie', (await startSession(user, settings)).cookie);
    headers.set('location', `${origin}${next}`);
  } catch (error) {
    const reason = isAppError(error) && error.code === 'forbidden:role' ? 'no-role' : 'sso-failed';
    log.warn(
      { err: isAppError(error) ? (error.cause ?? error) : error, reason },
      'oidc sign-in failed',
    );
    headers.set('location', `${origin}/signin?error=${reason}`);
  }
  return new Response(null, { status: 303, headers });
});
