import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { deployJenkins, outputOf } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

const STACK = 'jenkins-ctl';

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;
let cluster: string;
let serviceArn: string;
let targetGroupArn: string;
let unhealthy: TargetHealthDescription | undefined;

async function service() {
  return (await clients.ecs.send(new DescribeServicesCommand({ cluster, services: [serviceArn] })))
    .services?.[0];
}

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 121 });
  clients = clientsFor(sandbox.url);
  const stack = await deployJenkins(sandbox, clients, STACK);
  cluster = outputOf(stack, 'ClusterName');
  serviceArn = outputOf(stack, 'ControllerServiceArn');
  targetGroupArn = outputOf(stack, 'TargetGroupArn');
  await sandbox.control.makeTargetsUnhealthy({
    targetGroupArn,
    reason: 'Target.ResponseCodeMismatch',
  });
  for (let step = 0; step < 60 && !unhealthy; step++) {
    await sandbox.control.advance(5_000);
    const { TargetHealthDescriptions = [] } = await clients.elbv2.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }),
    );
    unhealthy = TargetHealthDescriptions.find(
      (description) => description.TargetHealth?.State === 'unhealthy',
    );
  }
});
afterAll(() => sandbox.close());

describe('C21 task RUNNING and service steady, but targets unhealthy', () => {
  it('reports the target unhealthy with the reason code, the codes seen and the port', () => {
    expect(unhealthy).toMatchObject({
      HealthCheckPort: '8080',
      Target: { Port: 8080 },
      TargetHealth: {
        State: 'unhealthy',
        Reason: 'Target.ResponseCodeMismatch',
        Description: expect.stringMatching(/^Health checks failed with these codes: \[\d+\]$/),
      },
    });
  });

  it('still shows the service steady and its task RUNNING at that moment', async () => {
    const current = await service();
    expect(current).toMatchObject({ desiredCount: 1, runningCount: 1 });
    expect(current?.deployments).toEqual([
      expect.objectContaining({ status: 'PRIMARY', rolloutState: 'COMPLETED' }),
    ]);
    const { taskArns = [] } = await clients.ecs.send(
      new ListTasksCommand({ cluster, serviceName: serviceArn }),
    );
    const { tasks } = await clients.ecs.send(
      new DescribeTasksCommand({ cluster, tasks: taskArns }),
    );
    expect(tasks?.map((task) => task.lastStatus)).toEqual(['RUNNING']);
  });

  it('answers the health-check path and matcher to show beside it', async () => {
    const { TargetGroups } = await clients.elbv2.send(
      new DescribeTargetGroupsCommand({ TargetGroupArns: [targetGroupArn] }),
    );
    expect(TargetGroups?.[0]?.HealthCheckPath).toEqual(expect.stringMatching(/^\//));
    expect(TargetGroups?.[0]?.Matcher?.HttpCode).toEqual(expect.any(String));
  });

  it('records the unhealthy target and the task replacement in the service events', async () => {
    // ECS acts on the unhealthy target once the 600 s health-check grace period has passed.
    await sandbox.control.advance(10 * 60_000);
    const messages = (await service())?.events?.map((event) => event.message) ?? [];
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^\(service \S+\) \(port 8080\) is unhealthy in \(target-group arn:\S+\) due to \(reason Health checks failed with these codes: \[\d+\]\)\.$/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^\(service \S+\) has stopped 1 running tasks: \(task \S+\)\.$/),
    );
  });
});
