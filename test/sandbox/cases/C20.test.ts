import {
  DescribeStackEventsCommand,
  DescribeStackResourceCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { deployJenkins, JENKINS_CAPABILITIES, outputOf, scaleEdit, settle } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

const STACK = 'jenkins-ctl';
const BREAKER = "Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'.";

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;
let cluster: string;
let serviceArn: string;
let failure: StackEvent | undefined;

async function events(): Promise<StackEvent[]> {
  return (
    (await clients.cloudFormation.send(new DescribeStackEventsCommand({ StackName: STACK })))
      .StackEvents ?? []
  );
}

async function service() {
  const answer = await clients.ecs.send(
    new DescribeServicesCommand({ cluster, services: [serviceArn] }),
  );
  return answer.services?.[0];
}

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 120 });
  clients = clientsFor(sandbox.url);
  const stack = await deployJenkins(sandbox, clients, STACK);
  cluster = outputOf(stack, 'ClusterName');
  serviceArn = outputOf(stack, 'ControllerServiceArn');

  // Every new controller task fails its health checks, so the new revision never gets healthy.
  await sandbox.control.makeTargetsUnhealthy({
    stackName: STACK,
    reason: 'Target.FailedHealthChecks',
  });
  await clients.cloudFormation.send(
    new UpdateStackCommand({
      StackName: STACK,
      UsePreviousTemplate: true,
      Parameters: scaleEdit({ ControllerCpu: '2048' }),
      Capabilities: JENKINS_CAPABILITIES,
    }),
  );
  for (let step = 0; step < 240 && !failure; step++) {
    await sandbox.control.advance(30_000);
    failure = (await events()).find(
      (event) =>
        event.LogicalResourceId === 'ControllerService' && event.ResourceStatus === 'UPDATE_FAILED',
    );
  }
  // Health checks pass again, so the rollback to the old revision can settle.
  await sandbox.control.makeTargetsUnhealthy({ stackName: STACK, clear: true });
});
afterAll(() => sandbox.close());

describe('C20 ECS deployment circuit breaker through CloudFormation', () => {
  it('fails the service update with the circuit-breaker reason', () => {
    expect(failure).toMatchObject({
      ResourceType: 'AWS::ECS::Service',
      ResourceStatusReason: BREAKER,
    });
  });

  it('shows the failed deployment in ECS with rolloutState FAILED and its reason', async () => {
    const deployments = (await service())?.deployments ?? [];
    expect(deployments).toContainEqual(
      expect.objectContaining({
        rolloutState: 'FAILED',
        rolloutStateReason: expect.stringContaining('circuit breaker'),
      }),
    );
  });

  it('rolls the stack back to UPDATE_ROLLBACK_COMPLETE, the service on the stack’s task definition', async () => {
    const stack = await settle(sandbox, clients.cloudFormation, STACK, 30_000);
    expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    const [described] =
      (await clients.cloudFormation.send(new DescribeStacksCommand({ StackName: STACK }))).Stacks ??
      [];
    expect(described?.Parameters).toContainEqual({
      ParameterKey: 'ControllerCpu',
      ParameterValue: '1024',
    });
    const { StackResourceDetail } = await clients.cloudFormation.send(
      new DescribeStackResourceCommand({
        StackName: STACK,
        LogicalResourceId: 'ControllerTaskDefinition',
      }),
    );
    expect((await service())?.taskDefinition).toBe(StackResourceDetail?.PhysicalResourceId);
  });
});
