import { readFileSync } from 'node:fs';
import {
  CreateStackCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
  type Parameter,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeInstancesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from './support';

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  sandbox = await pausedSandbox();
  clients = clientsFor(sandbox.url);
});
afterAll(() => sandbox.close());

async function stackStatusAfterWaiting(stackName: string): Promise<Record<string, string>> {
  for (let step = 0; step < 120; step++) {
    sandbox.clock.advanceBy(15_000);
    const stack = (
      await clients.cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }))
    ).Stacks?.[0];
    if (!stack?.StackStatus?.endsWith('_IN_PROGRESS')) {
      return Object.fromEntries([
        ['StackStatus', stack?.StackStatus ?? ''],
        ...(stack?.Outputs ?? []).map((output) => [
          output.OutputKey ?? '',
          output.OutputValue ?? '',
        ]),
      ]);
    }
  }
  throw new Error('stack never left IN_PROGRESS');
}

async function runningAgents(stackName: string): Promise<number> {
  const answer = await clients.ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        { Name: 'tag:jenkins-on-aws:stack', Values: [stackName] },
        { Name: 'instance-state-name', Values: ['pending', 'running'] },
      ],
    }),
  );
  return answer.Reservations?.flatMap((reservation) => reservation.Instances ?? []).length ?? 0;
}

describe("deploying the project's template", () => {
  it('creates the stack, a healthy controller, agents under the cap, and follows a cap update', async () => {
    const vpcId = (await clients.ec2.send(new DescribeVpcsCommand({}))).Vpcs?.[0]?.VpcId ?? '';
    const subnets = (await clients.ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? [];
    const ids = (isPublic: boolean) =>
      subnets
        .filter((subnet) => subnet.MapPublicIpOnLaunch === isPublic)
        .map((subnet) => subnet.SubnetId)
        .join(',');
    const parameters: Parameter[] = [
      { ParameterKey: 'VpcId', ParameterValue: vpcId },
      { ParameterKey: 'LoadBalancerSubnets', ParameterValue: ids(true) },
      { ParameterKey: 'ServiceSubnets', ParameterValue: ids(false) },
      { ParameterKey: 'AllowedCidr', ParameterValue: '0.0.0.0/0' },
      { ParameterKey: 'JenkinsAdminPassword', ParameterValue: 'correct-horse-battery' },
      { ParameterKey: 'ControllerImage', ParameterValue: 'jenkins/jenkins:lts-jdk21' },
      { ParameterKey: 'AgentKeyName', ParameterValue: 'jenkins-agents' },
    ];
    await clients.cloudFormation.send(
      new CreateStackCommand({
        StackName: 'demo',
        TemplateBody: readFileSync('cloudformation/jenkins.yaml', 'utf8'),
        Parameters: parameters,
        Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
      }),
    );

    const created = await stackStatusAfterWaiting('demo');
    expect(created.StackStatus).toBe('CREATE_COMPLETE');
    const health = await clients.elbv2.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: created.TargetGroupArn }),
    );
    expect(
      health.TargetHealthDescriptions?.map((description) => description.TargetHealth?.State),
    ).toEqual(['healthy']);
    expect((await fetch(`${created.JenkinsUrl}login`)).status).toBe(200);

    sandbox.clock.advanceBy(3 * 60_000);
    expect(await runningAgents('demo')).toBe(10);

    await clients.cloudFormation.send(
      new UpdateStackCommand({
        StackName: 'demo',
        UsePreviousTemplate: true,
        Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
        Parameters: [
          ...parameters
            .filter((parameter) => parameter.ParameterKey !== 'JenkinsAdminPassword')
            .map((parameter) => ({ ParameterKey: parameter.ParameterKey, UsePreviousValue: true })),
          { ParameterKey: 'JenkinsAdminPassword', UsePreviousValue: true },
          { ParameterKey: 'AgentInstanceCap', ParameterValue: '12' },
        ],
      }),
    );
    expect((await stackStatusAfterWaiting('demo')).StackStatus).toBe('UPDATE_COMPLETE');
    sandbox.clock.advanceBy(2 * 60_000);
    expect(await runningAgents('demo')).toBe(12);
  });
});
