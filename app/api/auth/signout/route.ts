import { endSession, sessionFromRequest } from '@/lib/auth/session';
import { publicApiHandler } from '@/lib/http/handler';

/** Ends the session: revoked here, cookie cleared. Same-origin only, so no site can sign you out. */
export const POST = publicApiHandler({ action: 'auth.signout' }, async ({ request, identify }) => {
  const current = await sessionFromRequest(request);
  if (current !== undefined) identify(current.session.user);
  const cookie = await endSession(request);
  return Response.json({ signedOut: true }, { headers: { 'set-cookie': cookie } });
});
