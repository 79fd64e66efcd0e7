import {
  DescribeInstancesCommand,
  TerminateInstancesCommand,
  type Instance,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { deployJenkins, outputOf } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

const STACK = 'jenkins-ctl';

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;
let jenkinsUrl: string;
let cloudName: string;
let orphanId: string;

async function agents(): Promise<Instance[]> {
  const answer = await clients.ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        { Name: 'tag:jenkins-on-aws:stack', Values: [STACK] },
        { Name: 'instance-state-name', Values: ['pending', 'running'] },
      ],
    }),
  );
  return answer.Reservations?.flatMap((reservation) => reservation.Instances ?? []) ?? [];
}

function tag(instance: Instance, key: string): string | undefined {
  return instance.Tags?.find((candidate) => candidate.Key === key)?.Value;
}

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 127 });
  clients = clientsFor(sandbox.url);
  const stack = await deployJenkins(sandbox, clients, STACK);
  jenkinsUrl = outputOf(stack, 'JenkinsUrl');
  cloudName = outputOf(stack, 'AgentCloudName');
  await sandbox.control.advance(60_000);
  // An instance tagged as the plugin tags its own, with no Jenkins node behind it.
  orphanId = (await sandbox.control.addAgents({ stackName: STACK, count: 1 })).instanceIds[0] ?? '';
  await sandbox.control.advance(3 * 60_000);
});
afterAll(() => sandbox.close());

describe('C27 orphaned agent instances', () => {
  it('tags every agent with the plugin tags: server URL, slave type, cloud name, heartbeat, stack and Name', async () => {
    const running = await agents();
    expect(running.length).toBeGreaterThan(1);
    for (const instance of running) {
      expect(tag(instance, 'jenkins_server_url')).toBe(jenkinsUrl);
      expect(tag(instance, 'jenkins_slave_type')).toMatch(/^demand_\S/);
      expect(tag(instance, 'jenkins_cloud_name')).toBe(cloudName);
      expect(Number(tag(instance, 'jenkins_node_last_refresh'))).toBeGreaterThan(0);
      expect(tag(instance, 'jenkins-on-aws:stack')).toBe(STACK);
      expect(tag(instance, 'Name')).toEqual(expect.any(String));
    }
  });

  it('counts the orphan against the cap: a connected agent that goes is not replaced', async () => {
    const connected = (await agents()).find((instance) => instance.InstanceId !== orphanId);
    await clients.ec2.send(
      new TerminateInstancesCommand({ InstanceIds: [connected?.InstanceId ?? ''] }),
    );
    await sandbox.control.advance(3 * 60_000);
    const ids = (await agents()).map((instance) => instance.InstanceId);
    expect(ids).toContain(orphanId);
    expect(ids).toHaveLength(10);
  });

  it("leaves the orphan's heartbeat stale while connected agents refresh theirs", async () => {
    await sandbox.control.advance(5 * 60 * 60_000);
    const now = Date.parse((await sandbox.control.health()).simulatedTime);
    const ages = new Map(
      (await agents()).map((instance) => [
        instance.InstanceId,
        now - Number(tag(instance, 'jenkins_node_last_refresh')),
      ]),
    );
    expect(ages.get(orphanId)).toBeGreaterThanOrEqual(5 * 60 * 60_000);
    const live = [...ages].filter(([id]) => id !== orphanId).map(([, age]) => age);
    expect(live.length).toBeGreaterThan(0);
    expect(Math.max(...live)).toBeLessThan(3 * 60_000);
  });

  it('terminates the orphan on request, freeing its cap slot', async () => {
    const { TerminatingInstances } = await clients.ec2.send(
      new TerminateInstancesCommand({ InstanceIds: [orphanId] }),
    );
    expect(TerminatingInstances?.[0]?.CurrentState?.Name).toBe('shutting-down');
    await sandbox.control.advance(3 * 60_000);
    const after = await agents();
    expect(after.map((instance) => instance.InstanceId)).not.toContain(orphanId);
    expect(after).toHaveLength(10);
  });
});
