import { randomBytes } from 'node:crypto';
import type { Role } from './roles';
import { hashPasswordSync } from './passwords';

/** One of the demo's local accounts, as the demo script prints it. */
export interface DemoAccount {
  readonly username: 'demo' | 'admin';
  readonly role: Role;
  /** Shown once on the terminal; only its hash reaches the dashboard process. */
  readonly password: string;
}

/** The demo's local accounts, and the value for DASHBOARD_USERS that holds only their hashes. */
export interface DemoAccounts {
  readonly accounts: readonly DemoAccount[];
  readonly usersJson: string;
}

/**
 * An operator (launch, watch, scale, update) and an admin (also delete and continue a rollback),
 * each with a fresh random one-time password (about 120 bits, readable on a terminal), so even
 * the demo opens nothing without signing in, and every action can be tried.
 */
export function createDemoAccounts(): DemoAccounts {
  const accounts: DemoAccount[] = [
    { username: 'demo', role: 'operator', password: randomBytes(15).toString('base64url') },
    { username: 'admin', role: 'admin', password: randomBytes(15).toString('base64url') },
  ];
  const usersJson = JSON.stringify(
    accounts.map((account) => ({
      username: account.username,
      name: account.role === 'admin' ? 'Demo admin' : 'Demo operator',
      role: account.role,
      passwordHash: hashPasswordSync(account.password),
    })),
  );
  return { accounts, usersJson };
}
