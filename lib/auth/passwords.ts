import { hash, hashSync, verify } from '@node-rs/argon2';

/**
 * Password hashing with Argon2id (the @node-rs/argon2 defaults: 19 MiB, 2 passes, 1 lane, the
 * OWASP minimum). Hashes are self-describing PHC strings, so stronger settings later still
 * verify old hashes.
 */
export const MAX_PASSWORD_LENGTH = 1024;

/** Hashes a password for a users file or DASHBOARD_USERS. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** `hashPassword` for start-up code that cannot await (the demo account). */
export function hashPasswordSync(password: string): string {
  return hashSync(password);
}

/** Checks a password against a stored hash; a malformed hash never matches. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the same time as checking a real account, so that response times do not tell which
 * usernames exist.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hash('decoy password that no account has');
  await verifyPassword(await decoyHash, password);
  return false;
}
