import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { SnapshotCache } from '@/lib/status/cache';
import type { StackSnapshot } from '@/lib/status/types';

function snapshot(name: string, pollAfterMs = 3_000): StackSnapshot {
  return {
    stack: { name },
    fetchedAt: new Date(0).toISOString(),
    stale: undefined,
    pollAfterMs,
    refreshInMs: pollAfterMs,
  } as unknown as StackSnapshot;
}

describe('snapshot cache', () => {
  it('makes concurrent viewers wait for the one load in flight', async () => {
    let loads = 0;
    const cache = new SnapshotCache(2_500, () => 0);
    const load = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return snapshot('a');
    };
    const results = await Promise.all(Array.from({ length: 100 }, () => cache.get('a', load)));
    expect(loads).toBe(1);
    expect(new Set(results.map((result) => result.stack))).toEqual(new Set([results[0]?.stack]));
  });

  it('reuses a result for a few seconds, then loads again', async () => {
    let now = 0;
    let loads = 0;
    const cache = new SnapshotCache(2_500, () => now);
    const load = async () => {
      loads += 1;
      return snapshot('a');
    };
    await cache.get('a', load);
    now = 2_000;
    await cache.get('a', load);
    expect(loads).toBe(1);
    now = 3_000;
    await cache.get('a', load);
    expect(loads).toBe(2);
  });

  it('serves the last good snapshot with its age and reason when AWS fails, then recovers', async () => {
    let now = 0;
    const cache = new SnapshotCache(1_000, () => now);
    await cache.get('a', async () => snapshot('a'));
    now = 5_000;
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
    const stale = await cache.get('a', async () => {
      throw throttled;
    });
    expect(stale.stack.name).toBe('a');
    expect(stale.stale).toEqual({
      since: new Date(5_000).toISOString(),
      reason: 'AWS is throttling requests; retrying.',
    });

    now = 7_000;
    const fresh = await cache.get('a', async () => snapshot('a'));
    expect(fresh.stale).toBeUndefined();
  });

  it('passes the error on when there is no good snapshot yet, or the stack is gone', async () => {
    const cache = new SnapshotCache(1_000, () => 0);
    await expect(cache.get('b', async () => Promise.reject(new Error('offline')))).rejects.toThrow(
      'offline',
    );

    let now = 0;
    const other = new SnapshotCache(1_000, () => now);
    await other.get('c', async () => snapshot('c'));
    now = 5_000;
    await expect(
      other.get('c', async () => Promise.reject(new AppError('not_found:stack', 'gone'))),
    ).rejects.toThrow('gone');
  });

  it('reuses a snapshot until the poll it asks for, so a slow-polling crowd shares it', async () => {
    let now = 0;
    let loads = 0;
    const cache = new SnapshotCache(2_500, () => now);
    const load = async () => {
      loads += 1;
      return snapshot('a', 15_000);
    };
    await cache.get('a', load);
    now = 14_000;
    await cache.get('a', load);
    expect(loads).toBe(1);
    now = 15_000;
    await cache.get('a', load);
    expect(loads).toBe(2);
  });

  it('tells each viewer when the snapshot it got will be refreshed', async () => {
    let now = 0;
    const cache = new SnapshotCache(2_500, () => now);
    const load = async () => snapshot('a', 15_000);
    expect((await cache.get('a', load)).refreshInMs).toBe(15_000);
    now = 9_000;
    expect((await cache.get('a', load)).refreshInMs).toBe(6_000);
    now = 15_000;
    expect((await cache.get('a', load)).refreshInMs).toBe(15_000);
  });

  it('retries soon while AWS is failing, then backs off to the pace of the snapshot', async () => {
    let now = 0;
    let loads = 0;
    const cache = new SnapshotCache(2_500, () => now);
    await cache.get('a', async () => snapshot('a', 15_000));
    const failing = async () => {
      loads += 1;
      throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
    };

    const waits: number[] = [];
    now = 15_000;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const stale = await cache.get('a', failing);
      expect(stale.stale).toBeDefined();
      waits.push(stale.refreshInMs);
      // A crowd asking in between is served the stale snapshot, not another AWS call.
      now += stale.refreshInMs - 1;
      await cache.get('a', failing);
      now += 1;
    }
    expect(waits).toEqual([2_500, 5_000, 10_000, 15_000, 15_000]);
    expect(loads).toBe(5);

    const fresh = await cache.get('a', async () => snapshot('a', 15_000));
    expect(fresh.stale).toBeUndefined();
    expect(fresh.refreshInMs).toBe(15_000);
  });

  it('does not reuse a refresh that began before an invalidation', async () => {
    let now = 0;
    const cache = new SnapshotCache(2_500, () => now);
    let release: (value: StackSnapshot) => void = () => undefined;
    const slow = cache.get('a', () => new Promise<StackSnapshot>((resolve) => (release = resolve)));
    cache.invalidate('a');
    now = 100;
    release(snapshot('a', 15_000));
    expect((await slow).refreshInMs).toBe(0);

    let loads = 0;
    await cache.get('a', async () => {
      loads += 1;
      return snapshot('a', 15_000);
    });
    expect(loads).toBe(1);
  });

  it('leaves the snapshot as built when reuse is off', async () => {
    const cache = new SnapshotCache(0, () => 0);
    const served = await cache.get('a', async () => snapshot('a', 3_000));
    expect(served.refreshInMs).toBe(3_000);
  });
});
