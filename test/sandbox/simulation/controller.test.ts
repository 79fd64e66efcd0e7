import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from '../support';
import { deployControllerStack, type DeployedStack } from '../stack-fixture';

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;
let stack: DeployedStack;

beforeEach(async () => {
  sandbox = await pausedSandbox();
  clients = clientsFor(sandbox.url);
  stack = deployControllerStack(sandbox);
});
afterEach(() => sandbox.close());

async function service() {
  const { services } = await clients.ecs.send(
    new DescribeServicesCommand({ cluster: stack.clusterName, services: [stack.serviceArn] }),
  );
  return services?.[0];
}

async function targetStates() {
  const { TargetHealthDescriptions } = await clients.elbv2.send(
    new DescribeTargetHealthCommand({ TargetGroupArn: stack.targetGroupArn }),
  );
  return TargetHealthDescriptions?.map((description) => description.TargetHealth?.State);
}

const settle = (sandbox: RunningSandbox, arn: string) =>
  sandbox.providers.get('AWS::ECS::Service')?.settle?.(arn);

describe('the controller behind the load balancer', () => {
  it('starts the task, passes health checks and serves Jenkins through the load balancer port', async () => {
    expect((await fetch(`http://${stack.dnsName}/login`)).status).toBe(503);
    expect(settle(sandbox, stack.serviceArn)).toEqual({ state: 'pending' });

    sandbox.clock.advanceBy(10_000);
    const { taskArns } = await clients.ecs.send(
      new ListTasksCommand({ cluster: stack.clusterName }),
    );
    const { tasks } = await clients.ecs.send(
      new DescribeTasksCommand({ cluster: stack.clusterName, tasks: taskArns }),
    );
    expect(tasks?.[0]?.lastStatus).toBe('PENDING');

    sandbox.clock.advanceBy(80_000);
    expect(await targetStates()).toEqual(['healthy']);
    const steady = await service();
    expect(steady).toMatchObject({
      runningCount: 1,
      deployments: [{ rolloutState: 'COMPLETED', status: 'PRIMARY' }],
    });
    expect(steady?.events?.[0]?.message).toMatch(/^\(service \S+\) has reached a steady state\.$/);
    expect(steady?.events?.map((event) => event.message)).toContainEqual(
      expect.stringMatching(/has started 1 tasks: \(task [0-9a-f]{32}\)\.$/),
    );
    expect(settle(sandbox, stack.serviceArn)).toEqual({ state: 'settled' });

    const login = await fetch(`http://${stack.dnsName}/login`);
    expect(login.status).toBe(200);
    const api = await fetch(`http://${stack.dnsName}/api/json`);
    expect(api.headers.get('x-jenkins')).toMatch(/^2\.\d+/);
    expect(await api.json()).toMatchObject({
      _class: 'hudson.model.Hudson',
      url: `http://${stack.dnsName}/`,
    });
  });

  it('replaces a crashed controller task: draining, a stopped task with its reason, a new task', async () => {
    sandbox.clock.advanceBy(90_000);
    const crashed = await sandbox.control.crashTask({ stackName: stack.stackName });
    expect(await targetStates()).toEqual(['draining']);

    sandbox.clock.advanceBy(5_000);
    const { tasks } = await clients.ecs.send(
      new DescribeTasksCommand({ cluster: stack.clusterName, tasks: [crashed.taskArn] }),
    );
    expect(tasks?.[0]).toMatchObject({
      desiredStatus: 'STOPPED',
      stoppedReason: 'Essential container in task exited',
    });
    const running = await clients.ecs.send(new ListTasksCommand({ cluster: stack.clusterName }));
    expect(running.taskArns).toHaveLength(1);
    expect(running.taskArns?.[0]).not.toBe(crashed.taskArn);

    sandbox.clock.advanceBy(120_000);
    expect(await targetStates()).toEqual(['healthy']);
    const stopped = await clients.ecs.send(
      new DescribeTasksCommand({ cluster: stack.clusterName, tasks: [crashed.taskArn] }),
    );
    expect(stopped.tasks?.[0]?.lastStatus).toBe('STOPPED');
    sandbox.clock.advanceBy(61 * 60_000);
    const gone = await clients.ecs.send(
      new DescribeTasksCommand({ cluster: stack.clusterName, tasks: [crashed.taskArn] }),
    );
    expect(gone.failures?.[0]?.reason).toBe('MISSING');
  });

  it('stops a task whose secret ECS cannot fetch before it runs, and starts the next once the secret exists', async () => {
    const privateKey = 'arn:aws:ssm:eu-west-1:123456789012:parameter/ec2/keypair/key-0missing';
    const keyless = deployControllerStack(sandbox, {
      stackName: 'jenkins-keyless',
      secrets: [{ Name: 'AGENT_SSH_PRIVATE_KEY', ValueFrom: privateKey }],
    });
    const tasksOf = async () => {
      const { taskArns } = await clients.ecs.send(
        new ListTasksCommand({ cluster: keyless.clusterName, desiredStatus: 'STOPPED' }),
      );
      if ((taskArns ?? []).length === 0) return [];
      const { tasks } = await clients.ecs.send(
        new DescribeTasksCommand({ cluster: keyless.clusterName, tasks: taskArns }),
      );
      return tasks ?? [];
    };

    sandbox.clock.advanceBy(25_000);
    const [stopped] = await tasksOf();
    expect(stopped?.stopCode).toBe('TaskFailedToStart');
    expect(stopped?.stoppedReason).toBe(
      `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: ${privateKey} was not found`,
    );
    expect(stopped?.startedAt).toBeUndefined();

    await clients.ssm.send(
      new PutParameterCommand({
        Name: '/ec2/keypair/key-0missing',
        Type: 'SecureString',
        Value: '-----BEGIN RSA PRIVATE KEY-----',
      }),
    );
    sandbox.clock.advanceBy(90_000);
    const { services } = await clients.ecs.send(
      new DescribeServicesCommand({ cluster: keyless.clusterName, services: [keyless.serviceArn] }),
    );
    expect(services?.[0]?.runningCount).toBe(1);
  });

  it('marks targets unhealthy on request and ECS replaces the task after the grace period', async () => {
    sandbox.clock.advanceBy(90_000);
    await sandbox.control.makeTargetsUnhealthy({
      targetGroupArn: stack.targetGroupArn,
      reason: 'Target.ResponseCodeMismatch',
    });
    sandbox.clock.advanceBy(5 * 30_000);
    const { TargetHealthDescriptions } = await clients.elbv2.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: stack.targetGroupArn }),
    );
    expect(TargetHealthDescriptions?.map((description) => description.TargetHealth)).toContainEqual(
      {
        State: 'draining',
        Reason: 'Target.DeregistrationInProgress',
        Description: 'Target deregistration is in progress',
      },
    );
    const events = (await service())?.events?.map((event) => event.message) ?? [];
    expect(events).toContainEqual(expect.stringContaining('is unhealthy in (target-group'));
    expect(events).toContainEqual(
      expect.stringContaining('due to (reason Health checks failed with these codes: [403]).'),
    );
  });

  it('trips the circuit breaker when new tasks keep failing health checks, and reports it to CloudFormation', async () => {
    await sandbox.control.makeTargetsUnhealthy({
      targetGroupArn: stack.targetGroupArn,
      reason: 'Target.FailedHealthChecks',
    });
    sandbox.clock.advanceBy(30 * 60_000);
    const failed = await service();
    expect(failed?.deployments?.[0]).toMatchObject({ rolloutState: 'FAILED', failedTasks: 3 });
    expect(settle(sandbox, stack.serviceArn)).toEqual({
      state: 'failed',
      reason: "Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'.",
    });
  });

  it('answers 503 from the load balancer when the service has no task', async () => {
    const response = await fetch(`http://${stack.dnsName}/login`);
    expect(response.status).toBe(503);
    expect(response.headers.get('server')).toBe('awselb/2.0');
  });
});
