/**
 * SWR keys, built in one place so a component that fetches and a component that calls
 * `mutate` after a change name the same resource the same way. A null key skips the fetch.
 */

/** GET /api/stacks: every stack of this kind in every configured region. */
export function overviewKey(): string {
  return '/api/stacks';
}

/** GET /api/environment: regions, sandbox or AWS, and the signed-in person. */
export function environmentKey(): string {
  return '/api/environment';
}

/**
 * GET /api/stacks/<name>?region=<region>: one stack's snapshot. Without a name there is
 * nothing to fetch; without a region the server uses its first configured region.
 */
export function stackSnapshotKey(name: string | undefined, region?: string): string | null {
  if (name === undefined || name === '') return null;
  const path = `/api/stacks/${encodeURIComponent(name)}`;
  return region === undefined || region === ''
    ? path
    : `${path}?region=${encodeURIComponent(region)}`;
}

/** The ops page of one stack, as a link target. */
export function stackPagePath(name: string, region?: string): string {
  const path = `/stacks/${encodeURIComponent(name)}`;
  return region === undefined || region === ''
    ? path
    : `${path}?region=${encodeURIComponent(region)}`;
}
