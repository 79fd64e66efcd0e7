import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '@/lib/aws/clients';
import { SnapshotCache, SNAPSHOT_REUSE_MS } from '@/lib/status/cache';
import { createStatusService } from '@/lib/status/service';
import { SLOW_POLL_MS } from '@/lib/status/snapshot';
import { startSandboxProcess, type SandboxProcess } from '@/bench/sandbox-process';
import { launchStack } from '@/test/support/sandbox';

/** Seconds of polling; SOAK_SECONDS=180 for the long run (the default stays under a minute). */
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 40);
const VIEWERS = 20;
const SAMPLE_EVERY_MS = 1_000;
/** Generous: the heap may breathe, but not grow with every poll. */
const ALLOWED_GROWTH = { factor: 1.3, megabytes: 8 };

/**
 * A collector the test may call: vitest's workers do not run with --expose-gc, so the flag is
 * set at run time and the `gc` function taken from a fresh context, where V8 installs it.
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const megabytes = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

describe('faults › soak: the status service polled for a long while', () => {
  let sandbox: SandboxProcess;

  beforeAll(async () => {
    // AWS runs apart from the dashboard: the sandbox's own memory is not measured.
    sandbox = await startSandboxProcess({ speed: 40, seed: 55 });
    const clients = createAwsClients({
      region: 'eu-west-1',
      endpoint: sandbox.url,
      credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    });
    expect(await launchStack(clients, 'jenkins-soak')).toBe('CREATE_COMPLETE');
    await sandbox.control.setSpeed(1);
  });

  afterAll(() => sandbox.close());

  it(
    'keeps the heap flat while viewers poll every snapshot fresh',
    { timeout: (SOAK_SECONDS + 30) * 1_000 },
    async () => {
      const gc = collector();
      const clients = createAwsClients({
        region: 'eu-west-1',
        endpoint: sandbox.url,
        credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
      });
      // The real cache on a clock that moves one reuse window per poll: every poll refreshes.
      let cacheNow = Date.now();
      const status = createStatusService(
        () => clients,
        new SnapshotCache(SNAPSHOT_REUSE_MS, () => cacheNow),
      );
      const stopAt = Date.now() + SOAK_SECONDS * 1_000;
      let polls = 0;
      const samples: number[] = [];

      const sampler = (async () => {
        while (Date.now() < stopAt) {
          await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
          gc();
          samples.push(process.memoryUsage().heapUsed);
        }
      })();
      const viewer = async () => {
        while (Date.now() < stopAt) {
          // Each viewer waits the pace the page asks for (the snapshot's pollAfterMs).
          cacheNow += SLOW_POLL_MS;
          const snapshot = await status.snapshot('eu-west-1', 'jenkins-soak');
          expect(snapshot.stale).toBeUndefined();
          polls += 1;
        }
      };
      await Promise.all([sampler, ...Array.from({ length: VIEWERS }, viewer)]);

      const { counts } = await sandbox.control.requests();
      const refreshes = counts.cloudformation?.DescribeStacks ?? 0;
      const third = Math.max(1, Math.floor(samples.length / 3));
      const first = median(samples.slice(0, third));
      const last = median(samples.slice(-third));
      process.stdout.write(
        `soak: ${SOAK_SECONDS} s, ${polls} polls, ${refreshes} snapshots from AWS, ` +
          `${samples.length} heap samples; median heap ` +
          `first third ${megabytes(first)} MB, last third ${megabytes(last)} MB ` +
          `(${(((last - first) / first) * 100).toFixed(1)}%)\n`,
      );
      expect(samples.length).toBeGreaterThanOrEqual(6);
      expect(refreshes).toBeGreaterThan(SOAK_SECONDS);
      expect(last).toBeLessThanOrEqual(
        first * ALLOWED_GROWTH.factor + ALLOWED_GROWTH.megabytes * 2 ** 20,
      );
    },
  );
});
