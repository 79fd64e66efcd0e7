import { CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { ClusterNotFoundException, DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { deployJenkins, outputOf, refusal, settle } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

const STACK = 'jenkins-ctl';
const DEFAULT_CLUSTER = JSON.stringify({
  Resources: {
    Default: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'default' } },
  },
});

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;
let cluster: string;
let serviceArn: string;

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 123 });
  clients = clientsFor(sandbox.url);
  const stack = await deployJenkins(sandbox, clients, STACK);
  cluster = outputOf(stack, 'ClusterName');
  serviceArn = outputOf(stack, 'ControllerServiceArn');
});
afterAll(() => sandbox.close());

describe('C23 DescribeServices reports a missing service in failures', () => {
  it('answers ClusterNotFoundException without a cluster while the account has no default cluster', async () => {
    const error = await refusal(
      clients.ecs.send(new DescribeServicesCommand({ services: [serviceArn] })),
    );
    expect(error).toBeInstanceOf(ClusterNotFoundException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('answers HTTP 200 with no services and a MISSING failure when the service ARN is sent without its cluster', async () => {
    await clients.cloudFormation.send(
      new CreateStackCommand({ StackName: 'default-cluster', TemplateBody: DEFAULT_CLUSTER }),
    );
    expect((await settle(sandbox, clients.cloudFormation, 'default-cluster')).StackStatus).toBe(
      'CREATE_COMPLETE',
    );
    const answer = await clients.ecs.send(new DescribeServicesCommand({ services: [serviceArn] }));
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(answer.services).toEqual([]);
    expect(answer.failures).toEqual([{ arn: serviceArn, reason: 'MISSING' }]);
  });

  it('reports an unknown service name in the right cluster as MISSING with its ARN', async () => {
    const answer = await clients.ecs.send(
      new DescribeServicesCommand({ cluster, services: ['jenkins-controller'] }),
    );
    expect(answer.services).toEqual([]);
    expect(answer.failures).toEqual([
      {
        arn: `arn:aws:ecs:eu-west-1:123456789012:service/${cluster}/jenkins-controller`,
        reason: 'MISSING',
      },
    ]);
  });

  it('finds the service with the cluster taken from the stack, stable with one deployment', async () => {
    const answer = await clients.ecs.send(
      new DescribeServicesCommand({ cluster, services: [serviceArn] }),
    );
    expect(answer.failures).toEqual([]);
    expect(answer.services?.[0]).toMatchObject({
      serviceArn,
      status: 'ACTIVE',
      desiredCount: 1,
      runningCount: 1,
    });
    expect(answer.services?.[0]?.deployments).toHaveLength(1);
  });
});
