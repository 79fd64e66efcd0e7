import {
  ClusterNotFoundException,
  DescribeTasksCommand,
  InvalidParameterException,
  ListServicesCommand,
  ListTasksCommand,
  ServiceNotFoundException,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { deployControllerStack, type DeployedStack } from '../stack-fixture';
import { clientsFor, pausedSandbox } from '../support';
import { refusal } from './support';

// Named ECS errors (awsJson1_1 `__type`) the services tests do not reach.
let sandbox: RunningSandbox;
let ecs: ReturnType<typeof clientsFor>['ecs'];
let stack: DeployedStack;

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 35 });
  ecs = clientsFor(sandbox.url).ecs;
  stack = deployControllerStack(sandbox);
  await sandbox.control.advance(30_000);
});
afterAll(() => sandbox.close());

describe('ECS errors through the SDK', () => {
  it('answers ListServices for a missing cluster with ClusterNotFoundException', async () => {
    const error = await refusal(ecs.send(new ListServicesCommand({ cluster: 'nope' })));
    expect(error).toBeInstanceOf(ClusterNotFoundException);
    expect(error.name).toBe('ClusterNotFoundException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('answers ListTasks for a missing service with ServiceNotFoundException', async () => {
    const error = await refusal(
      ecs.send(new ListTasksCommand({ cluster: stack.clusterName, serviceName: 'nope' })),
    );
    expect(error).toBeInstanceOf(ServiceNotFoundException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('answers DescribeTasks without tasks with InvalidParameterException', async () => {
    const error = await refusal(
      ecs.send(new DescribeTasksCommand({ cluster: stack.clusterName, tasks: [] })),
    );
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('reports an unknown task of a known cluster as MISSING, not as an error', async () => {
    const answer = await ecs.send(
      new DescribeTasksCommand({ cluster: stack.clusterName, tasks: ['0123abcd'] }),
    );
    expect(answer.tasks).toEqual([]);
    expect(answer.failures).toEqual([
      {
        arn: `arn:aws:ecs:eu-west-1:123456789012:task/${stack.clusterName}/0123abcd`,
        reason: 'MISSING',
      },
    ]);
  });

  it('refuses ListServices maxResults above 100 with InvalidParameterException', async () => {
    const error = await refusal(
      ecs.send(new ListServicesCommand({ cluster: stack.clusterName, maxResults: 101 })),
    );
    expect(error).toBeInstanceOf(InvalidParameterException);
  });
});
