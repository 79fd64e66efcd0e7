import { paginateDescribeInstances, type Instance } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { deployControllerStack } from '../stack-fixture';
import { clientsFor, pausedSandbox } from '../support';

let sandbox: RunningSandbox;
afterEach(() => sandbox.close());

async function stackAgents(stackName: string): Promise<Instance[]> {
  const { ec2 } = clientsFor(sandbox.url);
  const instances: Instance[] = [];
  const pages = paginateDescribeInstances(
    { client: ec2, pageSize: 1000 },
    {
      Filters: [
        { Name: 'tag:jenkins-on-aws:stack', Values: [stackName] },
        { Name: 'instance-state-name', Values: ['pending', 'running'] },
      ],
    },
  );
  for await (const page of pages)
    for (const reservation of page.Reservations ?? [])
      instances.push(...(reservation.Instances ?? []));
  return instances;
}

const tag = (instance: Instance | undefined, key: string) =>
  instance?.Tags?.find((candidate) => candidate.Key === key)?.Value;

describe('control API › POST /_sandbox/ec2/agents', () => {
  it('adds running agent instances tagged as the plugin tags its own, which the plugin counts against its cap', async () => {
    sandbox = await pausedSandbox();
    const stack = deployControllerStack(sandbox, { cap: 3 });
    sandbox.clock.advanceBy(60_000);
    const launched = await stackAgents(stack.stackName);
    expect(launched).toHaveLength(3);

    const answer = await sandbox.control.addAgents({ stackName: stack.stackName, count: 1_200 });
    expect(answer.added).toBe(1_200);
    expect(new Set(answer.instanceIds).size).toBe(1_200);

    const all = await stackAgents(stack.stackName);
    expect(all).toHaveLength(1_203);
    const added = all.find((instance) => instance.InstanceId === answer.instanceIds[0]);
    expect(added?.State?.Name).toBe('running');
    for (const key of ['jenkins_server_url', 'jenkins_cloud_name', 'jenkins_slave_type', 'Name'])
      expect(tag(added, key), key).toBe(tag(launched[0], key));

    // Over the cap now: the plugin launches nothing more however long the queue is.
    sandbox.clock.advanceBy(120_000);
    expect(await stackAgents(stack.stackName)).toHaveLength(1_203);
  });

  it('refuses a count outside 1–20,000 and a controller whose plugin has not started', async () => {
    sandbox = await pausedSandbox();
    const stack = deployControllerStack(sandbox, { cap: 3 });
    await expect(
      sandbox.control.addAgents({ stackName: stack.stackName, count: 0 }),
    ).rejects.toThrow(/count must be a whole number from 1 to 20000/);
    await expect(
      sandbox.control.addAgents({ stackName: stack.stackName, count: 5 }),
    ).rejects.toThrow(/has not read its settings yet/);
    await expect(
      sandbox.control.addAgents({ stackName: 'no-such-stack', count: 5 }),
    ).rejects.toThrow(/No such ECS service/);
  });
});
