/**
 * Roles, lowest first. A viewer reads everything except secrets, an operator also launches,
 * updates and scales stacks, an admin also deletes stacks and continues failed rollbacks.
 */
export const ROLES = ['viewer', 'operator', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** A signed-in person, as every handler and page sees them. */
export interface User {
  /** Stable and unique across sign-in methods: `local:<username>` or `oidc:<subject>`. */
  id: string;
  /** What the UI shows and audit lines name. */
  name: string;
  role: Role;
  provider: 'local' | 'oidc';
}

/** Tells whether a value names a role, for reading configuration and claims. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Tells whether `role` carries at least the rights of `minimum`. */
export function hasRole(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** The highest of several roles, or undefined when there are none. */
export function highestRole(roles: Iterable<Role>): Role | undefined {
  let highest: Role | undefined;
  for (const role of roles) {
    if (highest === undefined || hasRole(role, highest)) highest = role;
  }
  return highest;
}
