import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { ListClustersCommand, DescribeClustersCommand } from '@aws-sdk/client-ecs';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { FaultInjector } from '@/sandbox/evidence/faults';
import { AGENT_AMI_PARAMETER } from '@/sandbox/world/seed';
import { clientsFor, pausedSandbox } from '../support';

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  sandbox = await pausedSandbox();
  clients = clientsFor(sandbox.url);
});
afterEach(() => sandbox.control.clearFaults());
afterAll(() => sandbox.close());

describe('fault layer', () => {
  it('throttles each service with its own error code, which the SDK names', async () => {
    await sandbox.control.setFaults([{ throttlePercent: 100 }]);
    await expect(clients.cloudFormation.send(new DescribeStacksCommand({}))).rejects.toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(clients.elbv2.send(new DescribeLoadBalancersCommand({}))).rejects.toMatchObject({
      name: 'Throttling',
    });
    await expect(clients.ec2.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({
      name: 'RequestLimitExceeded',
      $metadata: { httpStatusCode: 503 },
    });
    await expect(clients.ecs.send(new DescribeClustersCommand({}))).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
    await expect(
      clients.ssm.send(new GetParameterCommand({ Name: AGENT_AMI_PARAMETER })),
    ).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
  });

  it('throttles only the named operation', async () => {
    await sandbox.control.setFaults([
      { service: 'ecs', operation: 'DescribeClusters', throttlePercent: 100 },
    ]);
    await expect(clients.ecs.send(new DescribeClustersCommand({}))).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
    await expect(clients.ec2.send(new DescribeVpcsCommand({}))).resolves.toBeDefined();
  });

  it('makes the same calls fail on every run for the same percentage', async () => {
    const outcomes = async () => {
      await sandbox.control.setFaults([{ service: 'ec2', throttlePercent: 50 }]);
      const results: boolean[] = [];
      for (let i = 0; i < 12; i++) {
        results.push(
          await clients.ec2.send(new DescribeVpcsCommand({})).then(
            () => true,
            () => false,
          ),
        );
      }
      return results;
    };
    const first = await outcomes();
    expect(first).toContain(true);
    expect(first).toContain(false);
    expect(await outcomes()).toEqual(first);
  });

  it('decides each operation the same way however concurrent calls to others interleave', () => {
    const throttled = (injector: FaultInjector, operation: string) =>
      injector.decide('elasticloadbalancing', operation, 'eu-west-1').error !== undefined;
    const rules = [{ throttlePercent: 30 }];

    // Alone: twenty DescribeTargetHealth calls in a row.
    const alone = new FaultInjector(51);
    alone.set(rules);
    const aloneFates = Array.from({ length: 20 }, () => throttled(alone, 'DescribeTargetHealth'));

    // Interleaved with other operations' calls, in a different pattern each time.
    const busy = new FaultInjector(51);
    busy.set(rules);
    const busyFates = Array.from({ length: 20 }, (_, call) => {
      for (let other = 0; other < call % 3; other += 1) throttled(busy, 'DescribeTargetGroups');
      return throttled(busy, 'DescribeTargetHealth');
    });

    expect(aloneFates).toContain(true);
    expect(aloneFates).toContain(false);
    expect(busyFates).toEqual(aloneFates);
    // Setting the rules again starts every operation's decisions over.
    busy.set(rules);
    expect(throttled(busy, 'DescribeTargetHealth')).toBe(aloneFates[0]);
  });

  it('returns 5xx server errors, which the SDK retries', async () => {
    await sandbox.control.setFaults([{ service: 'ecs', errorPercent: 100, remaining: 2 }]);
    await sandbox.control.clearRequests();
    const retrying = clientsFor(sandbox.url, { maxAttempts: 3 }).ecs;
    await expect(retrying.send(new DescribeClustersCommand({}))).resolves.toBeDefined();
    const { counts } = await sandbox.control.requests();
    expect(counts.ecs?.DescribeClusters).toBe(3);
  });

  it('adds latency to each matching call', async () => {
    await sandbox.control.setFaults([{ service: 'ec2', latencyMs: 150 }]);
    const started = Date.now();
    await clients.ec2.send(new DescribeVpcsCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers an unknown operation with the protocol error the SDK expects', async () => {
    await expect(clients.ecs.send(new ListClustersCommand({}))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('request log', () => {
  it('counts calls per service and operation and records error codes', async () => {
    await sandbox.control.clearRequests();
    await clients.ec2.send(new DescribeVpcsCommand({}));
    await clients.ec2.send(new DescribeVpcsCommand({}));
    await clients.ssm.send(new GetParameterCommand({ Name: '/nope' })).catch(() => undefined);
    const log = await sandbox.control.requests();
    expect(log.counts).toEqual({ ec2: { DescribeVpcs: 2 }, ssm: { GetParameter: 1 } });
    expect(log.total).toBe(3);
    expect(log.requests[2]).toMatchObject({
      service: 'ssm',
      operation: 'GetParameter',
      region: 'eu-west-1',
      status: 400,
      errorCode: 'ParameterNotFound',
    });
  });
});
