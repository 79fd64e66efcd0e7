import { AppError } from '@/lib/errors';
import { findLocalAccount, localUser } from './accounts';
import { verifyDecoy, verifyPassword } from './passwords';
import { FailureLimiter } from './rate-limit';
import type { User } from './roles';

const FIFTEEN_MINUTES = 15 * 60_000;

/** Five wrong passwords per username per 15 minutes: slow enough to stop guessing. */
const byUsername = new FailureLimiter({ limit: 5, windowMs: FIFTEEN_MINUTES, maxKeys: 10_000 });

/** Twenty per address per 15 minutes: stops one client spraying many usernames. */
const byAddress = new FailureLimiter({ limit: 20, windowMs: FIFTEEN_MINUTES, maxKeys: 10_000 });

function rateLimited(retryAfterMs: number): AppError {
  const retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
  return new AppError(
    'rate_limited:signin',
    `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
    { retryAfterSeconds },
  );
}

/**
 * Checks a local username and password, refusing while the username or the client address has
 * too many recent failures (checked before the password, so a locked account cannot be guessed
 * further). Unknown usernames take as long as known ones and fail with the same message.
 */
export async function signInLocally(
  username: string,
  password: string,
  address: string,
): Promise<User> {
  const usernameKey = username.toLowerCase();
  const wait = Math.max(byUsername.retryAfterMs(usernameKey), byAddress.retryAfterMs(address));
  if (wait > 0) throw rateLimited(wait);

  const account = await findLocalAccount(username);
  const valid = account
    ? await verifyPassword(account.passwordHash, password)
    : await verifyDecoy(password);

  if (!account || !valid) {
    byUsername.recordFailure(usernameKey);
    byAddress.recordFailure(address);
    throw new AppError('unauthorized:credentials', 'Wrong username or password.');
  }

  byUsername.reset(usernameKey);
  return localUser(account);
}

/** Forgets all counted failures; tests start each case from a clean slate with it. */
export function resetSignInLimits(): void {
  for (const limiter of [byUsername, byAddress]) limiter.clear();
}
