import { z } from 'zod';
import { USERNAME } from '@/lib/auth/accounts';
import { clientAddress } from '@/lib/auth/client-address';
import { signInLocally } from '@/lib/auth/local-signin';
import { safeNextPath } from '@/lib/auth/next-path';
import { MAX_PASSWORD_LENGTH } from '@/lib/auth/passwords';
import { startSession } from '@/lib/auth/session';
import { readAuthSettings } from '@/lib/auth/settings';
import { publicApiHandler } from '@/lib/http/handler';

const signInBody = z.object({
  username: z.string().regex(USERNAME, 'Enter your username.'),
  password: z.string().min(1, 'Enter your password.').max(MAX_PASSWORD_LENGTH),
  next: z.string().max(2048).optional(),
});

/** Signs in with a local account: a new session cookie on success, the same error otherwise. */
export const POST = publicApiHandler(
  { body: signInBody, action: 'auth.signin', maxBodyBytes: 8 * 1024 },
  async ({ request, body, identify, audit }) => {
    audit({ method: 'local', username: body.username });
    const settings = readAuthSettings();
    const user = await signInLocally(
      body.username,
      body.password,
      clientAddress(request, settings.trustedProxyHops),
    );
    identify(user);

    const { cookie } = await startSession(user, settings);
    return Response.json(
      { user: { name: user.name, role: user.role }, next: safeNextPath(body.next) },
      { headers: { 'set-cookie': cookie } },
    );
  },
);
