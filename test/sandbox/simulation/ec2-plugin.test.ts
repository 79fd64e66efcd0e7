import { DescribeInstancesCommand, type Instance } from '@aws-sdk/client-ec2';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from '../support';
import { deployControllerStack, type DeployedStack } from '../stack-fixture';

let sandbox: RunningSandbox;
afterEach(() => sandbox.close());

async function agents(stack: DeployedStack): Promise<Instance[]> {
  const { ec2 } = clientsFor(sandbox.url);
  const answer = await ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        { Name: 'tag:jenkins-on-aws:stack', Values: [stack.stackName] },
        { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping'] },
      ],
    }),
  );
  return answer.Reservations?.flatMap((reservation) => reservation.Instances ?? []) ?? [];
}

const tag = (instance: Instance | undefined, key: string) =>
  instance?.Tags?.find((candidate) => candidate.Key === key)?.Value;

describe('the simulated EC2 plugin', () => {
  it('launches agents tagged as the plugin tags them, up to the cap the JCasC file resolves from SSM', async () => {
    sandbox = await pausedSandbox();
    const stack = deployControllerStack(sandbox, { cap: 3 });
    sandbox.clock.advanceBy(60_000);

    const launched = await agents(stack);
    expect(launched).toHaveLength(3);
    expect(tag(launched[0], 'jenkins_server_url')).toBe(`http://${stack.dnsName}/`);
    expect(tag(launched[0], 'jenkins_slave_type')).toBe('demand_linux');
    expect(tag(launched[0], 'jenkins_cloud_name')).toBe(`${stack.stackName}-agents`);
    expect(tag(launched[0], 'Name')).toBe(`${stack.stackName}-agent`);
    expect(tag(launched[0], 'jenkins_node_last_refresh')).toMatch(/^\d+$/);
    expect(launched[0]?.InstanceType).toBe('t3.large');

    const controller = await sandbox.control.jenkins({ stackName: stack.stackName });
    expect(controller.settings).toMatchObject({ source: 'casc', instanceCap: 3, numExecutors: 2 });
  });

  it('follows a cap change in SSM within a simulated minute, without touching the task', async () => {
    sandbox = await pausedSandbox();
    const stack = deployControllerStack(sandbox, { cap: 2 });
    sandbox.clock.advanceBy(60_000);
    expect(await agents(stack)).toHaveLength(2);

    const { ssm } = clientsFor(sandbox.url);
    await ssm.send(
      new PutParameterCommand({ Name: `${stack.prefix}agent-cap`, Value: '5', Overwrite: true }),
    );
    sandbox.clock.advanceBy(61_000);
    expect(await agents(stack)).toHaveLength(5);
  });

  it('brings agents online, serves them in the Jenkins API and empties the queue', async () => {
    sandbox = await pausedSandbox();
    const stack = deployControllerStack(sandbox, { cap: 10 });
    await sandbox.control.setBuildQueue({ stackName: stack.stackName, length: 8 });
    sandbox.clock.advanceBy(60_000);
    const queued = (await (await fetch(`http://${stack.dnsName}/queue/api/json`)).json()) as {
      items: unknown[];
    };
    expect(queued.items).toHaveLength(8);

    sandbox.clock.advanceBy(120_000);
    const computers = (await (await fetch(`http://${stack.dnsName}/computer/api/json`)).json()) as {
      busyExecutors: number;
      computer: { displayName: string; offline: boolean }[];
    };
    expect(
      computers.computer.filter(
        (computer) => computer.displayName.startsWith('EC2 ') && !computer.offline,
      ),
    ).toHaveLength(4);
    expect(computers.busyExecutors).toBe(8);
    const empty = (await (await fetch(`http://${stack.dnsName}/queue/api/json`)).json()) as {
      items: unknown[];
    };
    expect(empty.items).toHaveLength(0);
  });

  it('terminates idle agents after the idle minutes, keeping the warm ones', async () => {
    sandbox = await pausedSandbox();
    const stack = deployControllerStack(sandbox, { cap: 10, warm: 1, idleMinutes: 5 });
    await sandbox.control.setBuildQueue({ stackName: stack.stackName, length: 6 });
    sandbox.clock.advanceBy(180_000);
    expect(await agents(stack)).toHaveLength(3);

    await sandbox.control.setBuildQueue({ stackName: stack.stackName, length: 0 });
    sandbox.clock.advanceBy(6 * 60_000);
    expect(await agents(stack)).toHaveLength(1);
  });

  it('counts only its own agents against the cap', async () => {
    sandbox = await pausedSandbox();
    const first = deployControllerStack(sandbox, { stackName: 'first', cap: 2 });
    const second = deployControllerStack(sandbox, { stackName: 'second', cap: 2 });
    sandbox.clock.advanceBy(60_000);
    expect(await agents(first)).toHaveLength(2);
    expect(await agents(second)).toHaveLength(2);
  });
});
