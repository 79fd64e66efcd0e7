import {
  DescribeListenersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  LoadBalancerNotFoundException,
  TargetGroupNotFoundException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { deployControllerStack } from '../stack-fixture';
import { clientsFor, pausedSandbox } from '../support';
import { refusal } from './support';

// Named ELBv2 errors and paging the services tests do not reach.
let sandbox: RunningSandbox;
let elbv2: ReturnType<typeof clientsFor>['elbv2'];

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 36 });
  elbv2 = clientsFor(sandbox.url).elbv2;
  deployControllerStack(sandbox, { stackName: 'one' });
  deployControllerStack(sandbox, { stackName: 'two' });
});
afterAll(() => sandbox.close());

describe('ELBv2 through the SDK', () => {
  it('pages target groups with PageSize and NextMarker', async () => {
    const first = await elbv2.send(new DescribeTargetGroupsCommand({ PageSize: 1 }));
    expect(first.TargetGroups).toHaveLength(1);
    expect(first.NextMarker).toEqual(expect.any(String));
    const second = await elbv2.send(
      new DescribeTargetGroupsCommand({ PageSize: 1, Marker: first.NextMarker }),
    );
    expect(second.TargetGroups?.[0]?.TargetGroupArn).not.toBe(
      first.TargetGroups?.[0]?.TargetGroupArn,
    );
    expect(second.NextMarker).toBeUndefined();
  });

  it('answers DescribeTargetHealth for an unknown group with TargetGroupNotFoundException', async () => {
    const error = await refusal(
      elbv2.send(
        new DescribeTargetHealthCommand({
          TargetGroupArn:
            'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/nope/0000000000000000',
        }),
      ),
    );
    expect(error).toBeInstanceOf(TargetGroupNotFoundException);
    expect(error.name).toBe('TargetGroupNotFoundException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('answers DescribeTargetGroups for an unknown load balancer with LoadBalancerNotFoundException', async () => {
    const error = await refusal(
      elbv2.send(
        new DescribeTargetGroupsCommand({
          LoadBalancerArn:
            'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/nope/0000000000000000',
        }),
      ),
    );
    expect(error).toBeInstanceOf(LoadBalancerNotFoundException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses DescribeListeners without a load balancer or listener ARNs with ValidationError', async () => {
    const error = await refusal(elbv2.send(new DescribeListenersCommand({})));
    expect(error.name).toBe('ValidationError');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});
