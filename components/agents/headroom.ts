import type { AgentPoolView } from '@/lib/status/types';

/**
 * The pool against its cap in one phrase, counted as the EC2 plugin counts (pending and
 * stopping count, terminated do not): `7 of 10 used, 3 free`, `10 of 10 used, none free`,
 * `12 of 10 used, 2 over the cap`, or `7 counted, cap unknown` when the stack has no cap.
 */
export function headroomText(pool: Pick<AgentPoolView, 'cap' | 'counted'>): string {
  const { cap, counted } = pool;
  if (cap === undefined) return `${counted} counted, cap unknown`;
  if (counted > cap) return `${counted} of ${cap} used, ${counted - cap} over the cap`;
  const free = cap - counted;
  return `${counted} of ${cap} used, ${free === 0 ? 'none' : free} free`;
}

/** How full the pool is, 0..1 (capped at 1), for the usage bar; undefined without a cap. */
export function usedFraction(pool: Pick<AgentPoolView, 'cap' | 'counted'>): number | undefined {
  if (pool.cap === undefined) return undefined;
  if (pool.cap <= 0) return pool.counted > 0 ? 1 : 0;
  return Math.min(1, pool.counted / pool.cap);
}
