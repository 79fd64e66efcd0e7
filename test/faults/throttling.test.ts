import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotCache, SNAPSHOT_REUSE_MS } from '@/lib/status/cache';
import { createStatusService, statusService } from '@/lib/status/service';
import { captureLogLines, withAuthEnvironment } from '@/test/support/auth';
import { launchStack, startTestSandbox, type TestSandbox } from '@/test/support/sandbox';
import { callRoute, required, routesUseSandbox } from './support';

const STACK = 'jenkins-throttled';
const SERVICES = ['cloudformation', 'ec2', 'ecs', 'elasticloadbalancing'];
/** A refresh may be retried inside the SDK; a whole poll is never failed for it. */
const POLLS = 6;
/**
 * The load balancer gets two calls a snapshot, so six polls leave a 0.7^12 ≈ 1.4% chance that
 * none of them was throttled (concurrent calls draw from the seeded generator in whatever order
 * they arrive; CI met that chance once). Polling on until every service has been throttled, up
 * to this bound (0.7^40 ≈ 10^-6), keeps "each service answered with its own code" from flaking
 * without making the usual run longer.
 */
const MAX_POLLS = 20;
const THROTTLING_CODES = [
  'cloudformation:Throttling',
  'ec2:RequestLimitExceeded',
  'ecs:ThrottlingException',
  'elasticloadbalancing:Throttling',
];

let env: TestSandbox | undefined;
withAuthEnvironment();
// The warnings a failing refresh logs are expected here; keep them out of the test output.
captureLogLines();
routesUseSandbox(() => env);

describe('faults › 30% of AWS calls throttled', () => {
  beforeAll(async () => {
    env = await startTestSandbox({ speed: 40, seed: 51 });
    expect(await launchStack(env.clients, STACK)).toBe('CREATE_COMPLETE');
  });

  afterAll(async () => {
    await env?.sandbox.control.clearFaults();
    await env?.close();
  });

  // Adaptive retry slows the client down under throttling: a poll then takes about 5 s, so
  // the timeout leaves room for MAX_POLLS of them; a usual run stops after POLLS.
  it(
    'keeps answering with fresh data on every poll through the real cache, with no error for the viewer',
    { timeout: 150_000 },
    async () => {
      const sandbox = required(env);
      // The real cache on a clock the test moves by the pace each snapshot asks for, as the
      // page's poll does, so that every poll is past the reuse window.
      let cacheNow = Date.now();
      const status = createStatusService(
        () => sandbox.clients,
        new SnapshotCache(SNAPSHOT_REUSE_MS, () => cacheNow),
      );
      let last = await status.snapshot('eu-west-1', STACK);
      await sandbox.sandbox.control.setFaults(
        SERVICES.map((service) => ({ service, throttlePercent: 30 })),
      );

      const fetched = new Set<string>();
      let polls = 0;
      let throttledCodes = new Set<string>();
      while (polls < MAX_POLLS) {
        cacheNow += last.pollAfterMs + 500;
        const snapshot = await status.snapshot('eu-west-1', STACK);
        last = snapshot;
        expect(snapshot.stale, `poll ${polls}`).toBeUndefined();
        expect(snapshot.verdict.level, `poll ${polls}`).not.toBe('Unknown');
        fetched.add(snapshot.fetchedAt);
        polls += 1;

        throttledCodes = await answeredCodes(sandbox);
        const everyServiceThrottled = THROTTLING_CODES.every((code) => throttledCodes.has(code));
        if (polls >= POLLS && everyServiceThrottled) break;
      }
      expect(fetched.size).toBeGreaterThanOrEqual(polls - 1);
      // Each service answered with its own real throttling code.
      expect([...throttledCodes].sort()).toEqual(expect.arrayContaining(THROTTLING_CODES));
    },
  );

  it(
    'answers the ops page API with 200 and a fresh snapshot on every poll',
    { timeout: 40_000 },
    async () => {
      const sandbox = required(env);
      await sandbox.sandbox.control.setFaults(
        SERVICES.map((service) => ({ service, throttlePercent: 30 })),
      );
      const { GET } = await import('@/app/api/stacks/[name]/route');
      for (let poll = 0; poll < 2; poll += 1) {
        // What the reuse window would do after a few seconds, without waiting for it.
        statusService().invalidate('eu-west-1', STACK);
        const answer = await callRoute(GET, `/api/stacks/${STACK}`, {
          role: 'viewer',
          params: { name: STACK },
        });
        expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
        expect(answer.body.stale).toBeUndefined();
        expect(answer.body.stack).toMatchObject({ name: STACK });
      }
    },
  );
});

async function answeredCodes(env: TestSandbox): Promise<Set<string>> {
  const { requests } = await env.sandbox.control.requests();
  return new Set(
    requests
      .filter((request) => request.status >= 400)
      .map((request) => `${request.service}:${request.errorCode ?? ''}`),
  );
}
