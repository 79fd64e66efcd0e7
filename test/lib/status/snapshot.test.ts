import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusService, type StatusService } from '@/lib/status/service';
import { createAwsClients } from '@/lib/aws/clients';
import { SnapshotCache } from '@/lib/status/cache';
import { buildSnapshot, newStackMemory } from '@/lib/status/snapshot';
import { eventually, launchStack, startTestSandbox, type TestSandbox } from '../../support/sandbox';

describe('status snapshot against the sandbox', () => {
  let env: TestSandbox;
  let status: StatusService;

  beforeAll(async () => {
    env = await startTestSandbox({ speed: 40 });
    status = createStatusService(() => env.clients, new SnapshotCache(0));
    expect(await launchStack(env.clients, 'jenkins-snap')).toBe('CREATE_COMPLETE');
  });

  afterAll(() => env.close());

  it('goes Healthy with a running controller, a healthy target and agents under the cap', async () => {
    const snapshot = await eventually(
      async () => {
        const current = await status.snapshot('eu-west-1', 'jenkins-snap');
        return current.verdict.level === 'Healthy' && current.agents.counted > 0
          ? current
          : undefined;
      },
      60_000,
      'a healthy snapshot with agents',
    );
    expect(snapshot.controller).toMatchObject({ desired: 1, running: 1, serviceStatus: 'ACTIVE' });
    expect(snapshot.controller?.targets[0]?.state).toBe('healthy');
    expect(snapshot.jenkins).toMatchObject({ reachable: true });
    expect(snapshot.jenkins?.version).toBeDefined();
    expect(snapshot.agents.cap).toBe(10);
    expect(snapshot.agents.counted).toBeLessThanOrEqual(10);
    // The bundled template's AgentReaper, read from the stack's resource map.
    expect(snapshot.reapsAgentsOnDelete).toBe(true);
    expect(snapshot.stack.parameters.find((p) => p.key === 'JenkinsAdminPassword')).toMatchObject({
      value: '****',
      noEcho: true,
    });
    expect(JSON.stringify(snapshot)).not.toContain('correct-horse-battery-1');
  });

  it('goes Degraded or Down when the controller crashes, and back to Healthy by itself', async () => {
    await env.sandbox.control.crashTask({ stackName: 'jenkins-snap' });
    const broken = await eventually(
      async () => {
        const current = await status.snapshot('eu-west-1', 'jenkins-snap');
        return current.verdict.level !== 'Healthy' ? current : undefined;
      },
      30_000,
      'a verdict other than Healthy',
    );
    expect(['Degraded', 'Down', 'Progressing']).toContain(broken.verdict.level);
    const stopped = await eventually(
      async () => {
        const current = await status.snapshot('eu-west-1', 'jenkins-snap');
        return current.controller?.tasks.find((task) => task.stoppedReason !== undefined);
      },
      30_000,
      'the stopped task with its reason',
    );
    expect(stopped.stoppedReason).toMatch(/Essential container/);
    await eventually(
      async () => {
        const current = await status.snapshot('eu-west-1', 'jenkins-snap');
        return current.verdict.level === 'Healthy' ? current : undefined;
      },
      60_000,
      'recovery to Healthy',
    );
  });

  it('names an unhealthy target with its reason code and the health-check path', async () => {
    await env.sandbox.control.makeTargetsUnhealthy({
      stackName: 'jenkins-snap',
      reason: 'Target.ResponseCodeMismatch',
    });
    const down = await eventually(
      async () => {
        const current = await status.snapshot('eu-west-1', 'jenkins-snap');
        return current.verdict.layer === 'target' && current.verdict.level === 'Down'
          ? current
          : undefined;
      },
      60_000,
      'a target-layer verdict',
    );
    expect(down.verdict.cause).toMatch(/health-check path/);
    expect(down.verdict.cause).toMatch(/path \/login/);
    expect(down.timeline.some((entry) => entry.source === 'target' && entry.failure)).toBe(true);
    await env.sandbox.control.makeTargetsUnhealthy({ stackName: 'jenkins-snap', clear: true });
    await eventually(
      async () => {
        const current = await status.snapshot('eu-west-1', 'jenkins-snap');
        return current.verdict.level === 'Healthy' ? current : undefined;
      },
      60_000,
      'recovery after the health check passes again',
    );
  });

  // Each throttled call waits out the SDK's adaptive backoff for real: ten snapshots take
  // 20–30 s on this machine, so the test gets room beyond vitest's default.
  it(
    'keeps answering with fresh data while 30% of ECS calls are throttled',
    { timeout: 120_000 },
    async () => {
      await env.sandbox.control.setFaults([{ service: 'ecs', throttlePercent: 30 }]);
      try {
        for (let poll = 0; poll < 10; poll += 1) {
          const current = await status.snapshot('eu-west-1', 'jenkins-snap');
          expect(current.stale).toBeUndefined();
          expect(current.verdict.level).not.toBe('Unknown');
        }
        const counts = (await env.sandbox.control.requests()).requests.filter(
          (request) => request.errorCode === 'ThrottlingException',
        );
        expect(counts.length).toBeGreaterThan(0);
      } finally {
        await env.sandbox.control.clearFaults();
      }
    },
  );

  it('makes the fewest calls: one DescribeStacks, DescribeServices, DescribeTargetHealth, DescribeStackEvents, ListTasks, DescribeTasks and DescribeInstances per snapshot', async () => {
    await status.snapshot('eu-west-1', 'jenkins-snap');
    await env.sandbox.control.clearRequests();
    await status.snapshot('eu-west-1', 'jenkins-snap');
    const { requests } = await env.sandbox.control.requests();
    const operations = requests.map((request) => request.operation).sort();
    expect(operations).toEqual(
      [
        'DescribeInstances',
        'DescribeServices',
        'DescribeStackEvents',
        'DescribeStacks',
        'DescribeTargetHealth',
        'DescribeTasks',
        'ListTasks',
      ].sort(),
    );
  });

  it('sends DescribeStackEvents and the agents with DescribeStacks, the controller calls after it', async () => {
    const latencyMs = 200;
    await status.snapshot('eu-west-1', 'jenkins-snap');
    await env.sandbox.control.clearRequests();
    await env.sandbox.control.setFaults([{ latencyMs }]);
    try {
      await status.snapshot('eu-west-1', 'jenkins-snap');
    } finally {
      await env.sandbox.control.clearFaults();
    }
    const { requests } = await env.sandbox.control.requests();
    const startOf = (operation: string) => {
      const request = requests.find((entry) => entry.operation === operation);
      if (request === undefined) throw new Error(`no ${operation} in the request log`);
      return Date.parse(request.time);
    };

    const stacksAsked = startOf('DescribeStacks');
    // Sent before DescribeStacks could answer: the events need only the name, the agents the
    // tag the last snapshot saw.
    expect(startOf('DescribeStackEvents') - stacksAsked).toBeLessThan(latencyMs / 2);
    expect(startOf('DescribeInstances') - stacksAsked).toBeLessThan(latencyMs / 2);
    // ListTasks needs the cluster the outputs name: it waits for DescribeStacks.
    expect(startOf('ListTasks') - stacksAsked).toBeGreaterThanOrEqual(latencyMs);
  });

  it('lists the agents again when the outputs name another tag than the one it guessed', async () => {
    const memory = newStackMemory();
    const right = await buildSnapshot(env.clients, 'jenkins-snap', memory);
    expect(right.agents.agents.length).toBeGreaterThan(0);
    expect(memory.agentTag).toEqual({ key: 'jenkins-on-aws:stack', value: 'jenkins-snap' });

    memory.agentTag = { key: 'jenkins-on-aws:stack', value: 'some-other-stack' };
    await env.sandbox.control.clearRequests();
    const again = await buildSnapshot(env.clients, 'jenkins-snap', memory);
    const { requests } = await env.sandbox.control.requests();

    expect(requests.filter((entry) => entry.operation === 'DescribeInstances')).toHaveLength(2);
    expect(again.agents.agents.map((agent) => agent.instanceId).sort()).toEqual(
      right.agents.agents.map((agent) => agent.instanceId).sort(),
    );
    expect(memory.agentTag).toEqual({ key: 'jenkins-on-aws:stack', value: 'jenkins-snap' });
  });

  it('sends nothing ahead after a snapshot that could not read its stack', async () => {
    const memory = newStackMemory();
    await buildSnapshot(env.clients, 'jenkins-snap', memory);
    expect(memory.agentTag).toBeDefined();

    // Clients that try once, so the failed read does not wait out the SDK's retries.
    const once = createAwsClients({
      region: 'eu-west-1',
      endpoint: env.sandbox.url,
      credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
      maxAttempts: 1,
    });
    await env.sandbox.control.setFaults([
      { service: 'cloudformation', operation: 'DescribeStacks', throttlePercent: 100 },
    ]);
    try {
      await expect(buildSnapshot(once, 'jenkins-snap', memory)).rejects.toThrow(/Rate exceeded/);
    } finally {
      await env.sandbox.control.clearFaults();
    }
    expect(memory.agentTag).toBeUndefined();

    await buildSnapshot(env.clients, 'jenkins-snap', memory);
    expect(memory.agentTag).toEqual({ key: 'jenkins-on-aws:stack', value: 'jenkins-snap' });
  });
});
