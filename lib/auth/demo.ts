import { randomBytes } from 'node:crypto';
import { hashPasswordSync } from './passwords';

/** The demo's one local account: what the demo script prints and what it puts into the env. */
export interface DemoOperator {
  username: 'demo';
  /** Shown once on the terminal; only its hash reaches the dashboard process. */
  password: string;
  /** The value for DASHBOARD_USERS in the Next.js process's environment. */
  usersJson: string;
}

/**
 * A demo operator with a fresh random one-time password (about 120 bits, readable on a
 * terminal), so even the demo opens nothing without signing in.
 */
export function createDemoOperator(): DemoOperator {
  const password = randomBytes(15).toString('base64url');
  const passwordHash = hashPasswordSync(password);
  const usersJson = JSON.stringify([
    { username: 'demo', name: 'Demo operator', role: 'operator', passwordHash },
  ]);
  return { username: 'demo', password, usersJson };
}
