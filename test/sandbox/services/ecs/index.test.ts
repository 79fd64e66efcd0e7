import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListServicesCommand,
  ListTasksCommand,
  paginateListTasks,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from '../../support';
import { deployControllerStack, type DeployedStack } from '../../stack-fixture';

let sandbox: RunningSandbox;
let ecs: ReturnType<typeof clientsFor>['ecs'];
let stack: DeployedStack;

beforeAll(async () => {
  sandbox = await pausedSandbox();
  ecs = clientsFor(sandbox.url).ecs;
  stack = deployControllerStack(sandbox, { desiredCount: 3 });
  sandbox.clock.advanceBy(30_000);
});
afterAll(() => sandbox.close());

describe('ECS DescribeClusters', () => {
  it('describes a cluster and reports a missing one in failures', async () => {
    const answer = await ecs.send(
      new DescribeClustersCommand({ clusters: [stack.clusterName, 'nope'] }),
    );
    expect(answer.clusters?.[0]).toMatchObject({
      clusterName: stack.clusterName,
      status: 'ACTIVE',
      activeServicesCount: 1,
      runningTasksCount: 3,
    });
    expect(answer.failures).toEqual([
      { arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/nope', reason: 'MISSING' },
    ]);
  });
});

describe('ECS DescribeServices', () => {
  it('describes the service with deployments and events', async () => {
    const { services } = await ecs.send(
      new DescribeServicesCommand({ cluster: stack.clusterName, services: [stack.serviceArn] }),
    );
    expect(services?.[0]).toMatchObject({
      status: 'ACTIVE',
      desiredCount: 3,
      runningCount: 3,
      launchType: 'FARGATE',
    });
    expect(services?.[0]?.deployments?.[0]).toMatchObject({
      status: 'PRIMARY',
      rolloutState: 'IN_PROGRESS',
    });
    expect(services?.[0]?.events?.[0]?.message).toMatch(
      /^\(service \S+\) registered 1 targets in \(target-group arn:/,
    );
  });

  it('asked without its cluster, reports the service as MISSING from the default cluster', async () => {
    sandbox.providers.get('AWS::ECS::Cluster')?.create({
      logicalId: 'Default',
      resourceType: 'AWS::ECS::Cluster',
      properties: { ClusterName: 'default' },
      stackName: 'other',
      stackId: 'other',
      region: 'eu-west-1',
      accountId: '123456789012',
    });
    const answer = await ecs.send(new DescribeServicesCommand({ services: [stack.serviceArn] }));
    expect(answer.services).toEqual([]);
    expect(answer.failures).toEqual([{ arn: stack.serviceArn, reason: 'MISSING' }]);
  });

  it('answers ClusterNotFoundException for a cluster that does not exist', async () => {
    await expect(
      ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['x'] })),
    ).rejects.toMatchObject({
      name: 'ClusterNotFoundException',
      message: 'Cluster not found.',
    });
  });

  it('reports an unknown service name as MISSING with its ARN', async () => {
    const answer = await ecs.send(
      new DescribeServicesCommand({ cluster: stack.clusterName, services: ['ghost'] }),
    );
    expect(answer.failures).toEqual([
      {
        arn: `arn:aws:ecs:eu-west-1:123456789012:service/${stack.clusterName}/ghost`,
        reason: 'MISSING',
      },
    ]);
  });
});

describe('ECS tasks', () => {
  it('pages ListTasks with nextToken', async () => {
    const first = await ecs.send(
      new ListTasksCommand({ cluster: stack.clusterName, maxResults: 2 }),
    );
    expect(first.taskArns).toHaveLength(2);
    expect(first.nextToken).toBeDefined();
    const all: string[] = [];
    for await (const page of paginateListTasks(
      { client: ecs, pageSize: 2 },
      { cluster: stack.clusterName, serviceName: stack.serviceArn },
    )) {
      all.push(...(page.taskArns ?? []));
    }
    expect(all).toHaveLength(3);
  });

  it('lists stopped tasks with desiredStatus STOPPED and keeps their stoppedReason', async () => {
    await sandbox.control.crashTask({ cluster: stack.clusterName });
    const stopped = await ecs.send(
      new ListTasksCommand({ cluster: stack.clusterName, desiredStatus: 'STOPPED' }),
    );
    expect(stopped.taskArns).toHaveLength(1);
    const { tasks } = await ecs.send(
      new DescribeTasksCommand({ cluster: stack.clusterName, tasks: stopped.taskArns }),
    );
    expect(tasks?.[0]).toMatchObject({
      desiredStatus: 'STOPPED',
      stoppedReason: 'Essential container in task exited',
      stopCode: 'EssentialContainerExited',
    });
  });

  it('describes tasks with their network attachment and refuses more than 100 per call', async () => {
    const { taskArns } = await ecs.send(new ListTasksCommand({ cluster: stack.clusterName }));
    const { tasks } = await ecs.send(
      new DescribeTasksCommand({ cluster: stack.clusterName, tasks: taskArns }),
    );
    const details = tasks?.[0]?.attachments?.[0]?.details ?? [];
    expect(details.find((detail) => detail.name === 'privateIPv4Address')?.value).toMatch(
      /^10\.0\./,
    );

    const tooMany = Array.from({ length: 101 }, (_, index) => `task-${index}`);
    await expect(
      ecs.send(new DescribeTasksCommand({ cluster: stack.clusterName, tasks: tooMany })),
    ).rejects.toMatchObject({
      name: 'ClientException',
    });
  });

  it('describes a task definition by family, and fails for an unknown one', async () => {
    const { taskDefinition } = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: `${stack.stackName}-controller` }),
    );
    expect(taskDefinition).toMatchObject({
      taskDefinitionArn: stack.taskDefinitionArn,
      revision: 1,
      cpu: '1024',
      networkMode: 'awsvpc',
    });
    expect(taskDefinition?.containerDefinitions?.[0]?.environment).toContainEqual({
      name: 'CASC_SSM_PREFIX',
      value: stack.prefix,
    });
    await expect(
      ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'nope' })),
    ).rejects.toMatchObject({ name: 'ClientException' });
  });

  it('lists the services of a cluster', async () => {
    const { serviceArns } = await ecs.send(new ListServicesCommand({ cluster: stack.clusterName }));
    expect(serviceArns).toEqual([stack.serviceArn]);
  });
});
