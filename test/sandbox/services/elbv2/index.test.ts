import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from '../../support';
import { deployControllerStack, type DeployedStack } from '../../stack-fixture';

let sandbox: RunningSandbox;
let elbv2: ReturnType<typeof clientsFor>['elbv2'];
let stack: DeployedStack;

beforeAll(async () => {
  sandbox = await pausedSandbox();
  elbv2 = clientsFor(sandbox.url).elbv2;
  stack = deployControllerStack(sandbox);
});
afterAll(() => sandbox.close());

describe('ELBv2 DescribeLoadBalancers', () => {
  it('describes the load balancer with its local DNS name, provisioning then active', async () => {
    const before = await elbv2.send(
      new DescribeLoadBalancersCommand({ LoadBalancerArns: [stack.loadBalancerArn] }),
    );
    expect(before.LoadBalancers?.[0]).toMatchObject({
      DNSName: stack.dnsName,
      State: { Code: 'provisioning' },
      Type: 'application',
    });
    sandbox.clock.advanceBy(31_000);
    const after = await elbv2.send(
      new DescribeLoadBalancersCommand({ LoadBalancerArns: [stack.loadBalancerArn] }),
    );
    expect(after.LoadBalancers?.[0]?.State?.Code).toBe('active');
    expect(after.LoadBalancers?.[0]?.AvailabilityZones).toHaveLength(3);
  });

  it('answers LoadBalancerNotFound, which the SDK names LoadBalancerNotFoundException', async () => {
    await expect(
      elbv2.send(new DescribeLoadBalancersCommand({ Names: ['nope'] })),
    ).rejects.toMatchObject({
      name: 'LoadBalancerNotFoundException',
      message: 'One or more load balancers not found',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('ELBv2 DescribeTargetGroups and DescribeListeners', () => {
  it('describes the target group with its health check and load balancer', async () => {
    const { TargetGroups } = await elbv2.send(
      new DescribeTargetGroupsCommand({ LoadBalancerArn: stack.loadBalancerArn }),
    );
    expect(TargetGroups?.[0]).toMatchObject({
      TargetGroupArn: stack.targetGroupArn,
      HealthCheckPath: '/login',
      HealthCheckIntervalSeconds: 30,
      HealthyThresholdCount: 2,
      Matcher: { HttpCode: '200' },
      LoadBalancerArns: [stack.loadBalancerArn],
      TargetType: 'ip',
    });
  });

  it('answers TargetGroupNotFoundException for an unknown ARN', async () => {
    await expect(
      elbv2.send(
        new DescribeTargetGroupsCommand({ TargetGroupArns: [`${stack.targetGroupArn}0`] }),
      ),
    ).rejects.toMatchObject({ name: 'TargetGroupNotFoundException' });
  });

  it('describes the listener forwarding to the target group, paged by PageSize', async () => {
    const answer = await elbv2.send(
      new DescribeListenersCommand({ LoadBalancerArn: stack.loadBalancerArn, PageSize: 1 }),
    );
    expect(answer.Listeners?.[0]).toMatchObject({
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'forward', TargetGroupArn: stack.targetGroupArn }],
    });
    expect(answer.NextMarker).toBeUndefined();
    await expect(
      elbv2.send(
        new DescribeListenersCommand({
          ListenerArns: ['arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/x/y/z'],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ListenerNotFoundException',
    });
  });
});

describe('ELBv2 DescribeTargetHealth', () => {
  it('moves the controller target from initial to healthy after interval × healthy threshold', async () => {
    // 31 s in: the task runs since 20 s and its first check is due at 50 s.
    const registering = await elbv2.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: stack.targetGroupArn }),
    );
    expect(registering.TargetHealthDescriptions?.[0]).toMatchObject({
      HealthCheckPort: '8080',
      TargetHealth: { State: 'initial', Reason: 'Elb.RegistrationInProgress' },
    });
    sandbox.clock.advanceBy(30_000);
    const checking = await elbv2.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: stack.targetGroupArn }),
    );
    expect(checking.TargetHealthDescriptions?.[0]?.TargetHealth).toMatchObject({
      State: 'initial',
      Reason: 'Elb.InitialHealthChecking',
    });
    sandbox.clock.advanceBy(30_000);
    const healthy = await elbv2.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: stack.targetGroupArn }),
    );
    expect(healthy.TargetHealthDescriptions?.[0]?.TargetHealth).toEqual({ State: 'healthy' });
  });

  it('reports a target that is not registered as unused with Target.NotRegistered', async () => {
    const answer = await elbv2.send(
      new DescribeTargetHealthCommand({
        TargetGroupArn: stack.targetGroupArn,
        Targets: [{ Id: '10.9.9.9', Port: 8080 }],
      }),
    );
    expect(answer.TargetHealthDescriptions?.[0]?.TargetHealth).toMatchObject({
      State: 'unused',
      Reason: 'Target.NotRegistered',
    });
  });
});
