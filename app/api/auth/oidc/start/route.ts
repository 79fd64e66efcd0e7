import { startOidcSignIn } from '@/lib/auth/oidc';
import { publicApiHandler } from '@/lib/http/handler';

/** Sends the browser to the identity provider, with PKCE, state and nonce kept in a sealed cookie. */
export const GET = publicApiHandler({}, async ({ request }) => {
  const next = new URL(request.url).searchParams.get('next');
  const { location, cookie } = await startOidcSignIn(request, next);
  return new Response(null, {
    status: 303,
    headers: { location: location.href, 'set-cookie': cookie },
  });
});
