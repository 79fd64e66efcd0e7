import 'server-only';
import { awsFailureReason } from '../aws/errors';
import { isAppError } from '../errors';
import { log } from '../log';
import type { StackSnapshot } from './types';

/** The shortest time a snapshot is reused for every viewer before AWS is asked again. */
export const SNAPSHOT_REUSE_MS = 2_500;

/** An `at` so old that the snapshot is due whatever the clock says. */
const DUE = Number.NEGATIVE_INFINITY;

interface Entry {
  /** The last good snapshot. */
  snapshot: StackSnapshot | undefined;
  /** What viewers get until the next refresh: the last good one, marked stale after a failure. */
  served: StackSnapshot | undefined;
  /** When AWS was last asked, successfully or not. */
  at: number;
  inFlight: Promise<StackSnapshot> | undefined;
  failingSince: number | undefined;
  /** Refreshes failed in a row: each one doubles the wait before the next. */
  failures: number;
  /** Bumped by `invalidate`: a refresh begun before it answers its waiters but is not reused. */
  generation: number;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const name = error.name;
    if (/Throttl|RequestLimitExceeded|Rate exceeded/i.test(`${name} ${error.message}`)) {
      return 'AWS is throttling requests; retrying.';
    }
  }
  return awsFailureReason(error);
}

/**
 * One snapshot per stack shared by every viewer: concurrent requests wait for the one in
 * flight, and a result is reused for the pace it asks for (`pollAfterMs`). Each answer says
 * when that reuse ends (`refreshInMs`), and viewers poll then, so a crowd of open tabs and a
 * lone one both find the snapshot due at every poll: many tabs cost AWS what one costs.
 * When a refresh fails (throttled, AWS unreachable) the last good snapshot is served with
 * its age and the reason, and the next request tries again by itself.
 */
export class SnapshotCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly reuseMs = SNAPSHOT_REUSE_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<StackSnapshot>): Promise<StackSnapshot> {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = {
        snapshot: undefined,
        served: undefined,
        at: DUE,
        inFlight: undefined,
        failingSince: undefined,
        failures: 0,
        generation: 0,
      };
      this.entries.set(key, entry);
    }
    const served = entry.served;
    if (served !== undefined && this.clock() - entry.at < this.reuseFor(entry)) {
      return this.withRefreshIn(entry, served);
    }
    entry.inFlight ??= this.refresh(entry, load);
    return this.withRefreshIn(entry, await entry.inFlight);
  }

  /** The snapshot as served now: with the time left until the cache refreshes it. */
  private withRefreshIn(entry: Entry, snapshot: StackSnapshot): StackSnapshot {
    if (this.reuseMs === 0) return snapshot;
    const left = this.reuseFor(entry) - (this.clock() - entry.at);
    return { ...snapshot, refreshInMs: Math.max(0, left) };
  }

  private reuseFor(entry: Entry): number {
    // 0 turns reuse off (tests).
    if (this.reuseMs === 0 || entry.served === undefined) return this.reuseMs;
    const pace = Number.isFinite(entry.served.pollAfterMs)
      ? Math.max(this.reuseMs, entry.served.pollAfterMs)
      : this.reuseMs;
    if (entry.failures === 0) return pace;
    // While AWS fails (throttled, unreachable), retry soon, then back off to the page's pace:
    // every viewer waits on this, so a throttled account is not asked harder than at rest.
    return Math.min(pace, this.reuseMs * 2 ** (entry.failures - 1));
  }

  /** Forgets a stack, so that the next request reads AWS again (after a mutation). */
  invalidate(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    entry.at = DUE;
    entry.generation += 1;
  }

  private async refresh(entry: Entry, load: () => Promise<StackSnapshot>): Promise<StackSnapshot> {
    const generation = entry.generation;
    // A refresh that began before an invalidation read AWS before the change: due at once.
    const readAt = () => (entry.generation === generation ? this.clock() : DUE);
    try {
      const snapshot = await load();
      entry.snapshot = snapshot;
      entry.served = snapshot;
      entry.at = readAt();
      entry.failingSince = undefined;
      entry.failures = 0;
      return snapshot;
    } catch (error) {
      const last = entry.snapshot;
      if (last === undefined || (isAppError(error) && error.kind === 'not_found')) throw error;
      entry.failingSince ??= this.clock();
      entry.failures += 1;
      entry.at = readAt();
      log.warn(
        { err: error, stack: last.stack.name },
        'snapshot refresh failed; serving last good',
      );
      entry.served = {
        ...last,
        stale: { since: new Date(entry.failingSince).toISOString(), reason: reasonOf(error) },
      };
      return entry.served;
    } finally {
      entry.inFlight = undefined;
    }
  }
}
