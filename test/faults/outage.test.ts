import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '@/lib/aws/clients';
import { nextPollMs } from '@/lib/client/poll';
import { SnapshotCache, SNAPSHOT_REUSE_MS } from '@/lib/status/cache';
import { createStatusService, statusService, type StatusService } from '@/lib/status/service';
import type { StackSnapshot } from '@/lib/status/types';
import { captureLogLines, withAuthEnvironment } from '@/test/support/auth';
import { launchStack, startTestSandbox, type TestSandbox } from '@/test/support/sandbox';
import { callRoute, required, routesUseSandbox } from './support';

const STACK = 'jenkins-outage';
const REGION = 'eu-west-1';
const ALL_SERVICES = ['cloudformation', 'ec2', 'ecs', 'elasticloadbalancing', 'ssm', 'route53'];
/** A minute of polling at the page's fast pace, on the cache's clock. */
const OUTAGE_MS = 60_000;
const POLL_EVERY_MS = SNAPSHOT_REUSE_MS + 500;

let env: TestSandbox | undefined;
withAuthEnvironment();
// The warnings a failing refresh logs are expected here; keep them out of the test output.
captureLogLines();
routesUseSandbox(() => env);

/** Clients that give up after two attempts, so a minute of outage takes seconds to replay. */
function impatientClients(endpoint: string): AwsClients {
  return createAwsClients({
    region: REGION,
    endpoint,
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    maxAttempts: 2,
  });
}

/** Polls through an outage on the cache's clock; every answer must be the last good one. */
async function pollThroughOutage(
  status: StatusService,
  advance: (ms: number) => number,
  lastGood: StackSnapshot,
): Promise<StackSnapshot[]> {
  const answers: StackSnapshot[] = [];
  for (let waited = 0; waited < OUTAGE_MS; waited += POLL_EVERY_MS) {
    advance(POLL_EVERY_MS);
    const answer = await status.snapshot(REGION, STACK);
    expect(answer.fetchedAt).toBe(lastGood.fetchedAt);
    expect(answer.verdict).toEqual(lastGood.verdict);
    expect(answer.agents.counted).toBe(lastGood.agents.counted);
    answers.push(answer);
  }
  return answers;
}

describe('faults › AWS unreachable for a minute', () => {
  beforeAll(async () => {
    env = await startTestSandbox({ speed: 40, seed: 52 });
    expect(await launchStack(env.clients, STACK)).toBe('CREATE_COMPLETE');
  });

  afterAll(async () => {
    await env?.sandbox.control.clearFaults();
    await env?.close();
  });

  it('shows the last good data with the time the failures began while every service answers 503, then recovers by itself', async () => {
    const sandbox = required(env);
    let cacheNow = Date.now();
    const advance = (ms: number) => (cacheNow += ms);
    const clients = impatientClients(sandbox.sandbox.url);
    const status = createStatusService(
      () => clients,
      new SnapshotCache(SNAPSHOT_REUSE_MS, () => cacheNow),
    );
    const lastGood = await status.snapshot(REGION, STACK);
    expect(lastGood.stale).toBeUndefined();
    // The good snapshot is reused until the poll it asks for; the outage shows from then on.
    advance(lastGood.pollAfterMs - POLL_EVERY_MS);

    await sandbox.sandbox.control.setFaults(
      ALL_SERVICES.map((service) => ({ service, errorPercent: 100, errorStatus: 503 as const })),
    );
    const outageBegan = cacheNow + POLL_EVERY_MS;
    const answers = await pollThroughOutage(status, advance, lastGood);
    expect(answers.length).toBeGreaterThanOrEqual(20);
    for (const answer of answers) {
      // The age stays anchored at the first failure, so the page can say "for 1 min".
      expect(answer.stale?.since).toBe(new Date(outageBegan).toISOString());
      expect(answer.stale?.reason).toMatch(/ServiceUnavailable|unavailable/i);
    }

    await sandbox.sandbox.control.clearFaults();
    // The page's next poll, when the last stale answer said the server would try again.
    advance(nextPollMs(answers.at(-1)));
    const recovered = await status.snapshot(REGION, STACK);
    expect(recovered.stale).toBeUndefined();
    expect(recovered.fetchedAt).not.toBe(lastGood.fetchedAt);
  });

  it('does the same when the endpoint does not answer at all (connection refused)', async () => {
    const sandbox = required(env);
    let cacheNow = Date.now();
    const advance = (ms: number) => (cacheNow += ms);
    const reachable = impatientClients(sandbox.sandbox.url);
    // Port 9 (discard) on loopback: nothing listens, every call is refused at once.
    const unreachable = impatientClients('http://127.0.0.1:9');
    let current = reachable;
    const status = createStatusService(
      () => current,
      new SnapshotCache(SNAPSHOT_REUSE_MS, () => cacheNow),
    );
    const lastGood = await status.snapshot(REGION, STACK);
    advance(lastGood.pollAfterMs - POLL_EVERY_MS);

    current = unreachable;
    const answers = await pollThroughOutage(status, advance, lastGood);
    expect(answers.every((answer) => answer.stale?.since === answers[0]?.stale?.since)).toBe(true);
    expect(answers[0]?.stale?.since).toBeDefined();

    current = reachable;
    advance(nextPollMs(answers.at(-1)));
    const recovered = await status.snapshot(REGION, STACK);
    expect(recovered.stale).toBeUndefined();
  });

  it('answers the ops page API with 200, the last good snapshot and its age during the outage', async () => {
    const sandbox = required(env);
    const { GET } = await import('@/app/api/stacks/[name]/route');
    const poll = () =>
      callRoute(GET, `/api/stacks/${STACK}`, { role: 'viewer', params: { name: STACK } });
    const good = await poll();
    expect(good.status).toBe(200);

    await sandbox.sandbox.control.setFaults(
      ALL_SERVICES.map((service) => ({ service, errorPercent: 100, errorStatus: 503 as const })),
    );
    try {
      statusService().invalidate(REGION, STACK);
      const during = await poll();
      expect(during.status).toBe(200);
      expect(during.body.fetchedAt).toBe(good.body.fetchedAt);
      expect(during.body.stale).toMatchObject({ since: expect.any(String) });
    } finally {
      await sandbox.sandbox.control.clearFaults();
    }

    statusService().invalidate(REGION, STACK);
    const after = await poll();
    expect(after.status).toBe(200);
    expect(after.body.stale).toBeUndefined();
  }, 60_000);
});
