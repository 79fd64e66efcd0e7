import 'server-only';
import { isAppError } from '../errors';
import { log } from '../log';
import type { StackSnapshot } from './types';

/** The shortest time a snapshot is reused for every viewer before AWS is asked again. */
export const SNAPSHOT_REUSE_MS = 2_500;

/**
 * A snapshot is reused until the next poll it asks for (`pollAfterMs`). A viewer polls that
 * long after it received its last answer, so its next request always finds the snapshot older
 * than that and gets a fresh one; a crowd of viewers shares each one.
 */
const POLL_MARGIN_MS = 0;

interface Entry {
  /** The last good snapshot. */
  snapshot: StackSnapshot | undefined;
  /** What viewers get until the next refresh: the last good one, marked stale after a failure. */
  served: StackSnapshot | undefined;
  /** When AWS was last asked, successfully or not. */
  at: number;
  inFlight: Promise<StackSnapshot> | undefined;
  failingSince: number | undefined;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const name = error.name;
    if (/Throttl|RequestLimitExceeded|Rate exceeded/i.test(`${name} ${error.message}`)) {
      return 'AWS is throttling requests; retrying.';
    }
    return `${name}: ${error.message}`;
  }
  return String(error);
}

/**
 * One snapshot per stack shared by every viewer: concurrent requests wait for the one in
 * flight, a result is reused until the poll it asks for, so many open tabs cost AWS what one
 * costs.
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
        at: 0,
        inFlight: undefined,
        failingSince: undefined,
      };
      this.entries.set(key, entry);
    }
    const now = this.clock();
    if (entry.served !== undefined && now - entry.at < this.reuseFor(entry)) return entry.served;
    entry.inFlight ??= this.refresh(entry, load);
    return entry.inFlight;
  }

  private reuseFor(entry: Entry): number {
    // 0 turns reuse off (tests); a failing refresh is retried at the shortest reuse.
    if (this.reuseMs === 0 || entry.failingSince !== undefined || entry.served === undefined) {
      return this.reuseMs;
    }
    const untilNextPoll = entry.served.pollAfterMs - POLL_MARGIN_MS;
    return Number.isFinite(untilNextPoll) ? Math.max(this.reuseMs, untilNextPoll) : this.reuseMs;
  }

  /** Forgets a stack, so that the next request reads AWS again (after a mutation). */
  invalidate(key: string): void {
    const entry = this.entries.get(key);
    if (entry !== undefined) entry.at = 0;
  }

  private async refresh(entry: Entry, load: () => Promise<StackSnapshot>): Promise<StackSnapshot> {
    try {
      const snapshot = await load();
      entry.snapshot = snapshot;
      entry.served = snapshot;
      entry.at = this.clock();
      entry.failingSince = undefined;
      return snapshot;
    } catch (error) {
      const last = entry.snapshot;
      if (last === undefined || (isAppError(error) && error.kind === 'not_found')) throw error;
      entry.failingSince ??= this.clock();
      entry.at = this.clock();
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
