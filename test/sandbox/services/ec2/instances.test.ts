import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  paginateDescribeInstances,
  TerminateInstancesCommand,
  type Instance as SdkInstance,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import type { Instance } from '@/sandbox/world/state';
import { clientsFor, pausedSandbox, REGION } from '../../support';

let sandbox: RunningSandbox;
let ec2: ReturnType<typeof clientsFor>['ec2'];

/** Twelve instances: every third one is an agent of stack `demo`, the rest belong to others. */
function seedInstances(): void {
  const region = sandbox.world.region(REGION);
  const subnet = Object.values(region.subnets)[0];
  for (let i = 0; i < 12; i++) {
    const instanceId = `i-0${String(i).padStart(16, '0')}`;
    const instance: Instance = {
      instanceId,
      imageId: 'ami-0123',
      instanceType: 't3.large',
      subnetId: subnet?.subnetId ?? '',
      vpcId: subnet?.vpcId ?? '',
      availabilityZone: subnet?.availabilityZone ?? '',
      privateIpAddress: `10.0.0.${10 + i}`,
      securityGroupIds: [],
      state: i === 11 ? 'terminated' : 'running',
      stateChangedAt: 0,
      stateTransitionReason: '',
      launchTime: 0,
      tags:
        i % 3 === 0
          ? [{ Key: 'jenkins-on-aws:stack', Value: 'demo' }]
          : [{ Key: 'team', Value: 'other' }],
    };
    region.instances[instanceId] = instance;
  }
}

beforeAll(async () => {
  sandbox = await pausedSandbox();
  ec2 = clientsFor(sandbox.url).ec2;
  seedInstances();
});
afterAll(() => sandbox.close());

const ids = (instances: SdkInstance[]) => instances.map((instance) => instance.InstanceId);

describe('EC2 DescribeInstances', () => {
  it('filters by tag, tag-key, instance-state-name and instance-id', async () => {
    const byTag = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [{ Name: 'tag:jenkins-on-aws:stack', Values: ['demo'] }],
      }),
    );
    expect(byTag.Reservations?.flatMap((reservation) => reservation.Instances ?? [])).toHaveLength(
      4,
    );

    const byKeyAndState = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'tag-key', Values: ['team'] },
          { Name: 'instance-state-name', Values: ['pending', 'running'] },
        ],
      }),
    );
    expect(
      byKeyAndState.Reservations?.flatMap((reservation) => reservation.Instances ?? []),
    ).toHaveLength(7);

    const byId = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [{ Name: 'instance-id', Values: ['i-00000000000000003'] }],
      }),
    );
    expect(byId.Reservations?.[0]?.Instances?.[0]?.Tags).toEqual([
      { Key: 'jenkins-on-aws:stack', Value: 'demo' },
    ]);
  });

  it('answers short and even empty filtered pages with a NextToken, as EC2 does', async () => {
    const first = await ec2.send(
      new DescribeInstancesCommand({
        MaxResults: 5,
        Filters: [{ Name: 'tag:jenkins-on-aws:stack', Values: ['demo'] }],
      }),
    );
    expect(first.Reservations?.length).toBeLessThan(5);
    expect(first.NextToken).toBeDefined();

    const all: SdkInstance[] = [];
    let pages = 0;
    for await (const page of paginateDescribeInstances(
      { client: ec2, pageSize: 5 },
      { Filters: [{ Name: 'tag:jenkins-on-aws:stack', Values: ['demo'] }] },
    )) {
      pages += 1;
      all.push(...(page.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []));
    }
    expect(pages).toBe(3);
    expect(ids(all)).toEqual([
      'i-00000000000000000',
      'i-00000000000000003',
      'i-00000000000000006',
      'i-00000000000000009',
    ]);
  });

  it('refuses MaxResults outside 5–1000 and MaxResults together with instance ids', async () => {
    await expect(ec2.send(new DescribeInstancesCommand({ MaxResults: 4 }))).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      ec2.send(
        new DescribeInstancesCommand({ MaxResults: 10, InstanceIds: ['i-00000000000000001'] }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterCombination' });
  });

  it('fails the whole call for an instance id that does not exist', async () => {
    await expect(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0ffffffffffffffff'] })),
    ).rejects.toMatchObject({
      name: 'InvalidInstanceID.NotFound',
      message: "The instance ID 'i-0ffffffffffffffff' does not exist",
    });
  });

  it('rejects an unknown filter name', async () => {
    await expect(
      ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'colour', Values: ['red'] }] })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
    });
  });
});

describe('EC2 TerminateInstances', () => {
  it('moves the instance to shutting-down, then terminated over simulated time', async () => {
    const answer = await ec2.send(
      new TerminateInstancesCommand({ InstanceIds: ['i-00000000000000001'] }),
    );
    expect(answer.TerminatingInstances?.[0]).toMatchObject({
      InstanceId: 'i-00000000000000001',
      PreviousState: { Name: 'running', Code: 16 },
      CurrentState: { Name: 'shutting-down', Code: 32 },
    });
    sandbox.clock.advanceBy(30_000);
    const after = await ec2.send(
      new DescribeInstancesCommand({ InstanceIds: ['i-00000000000000001'] }),
    );
    expect(after.Reservations?.[0]?.Instances?.[0]?.State).toEqual({
      Code: 48,
      Name: 'terminated',
    });
  });
});

describe('EC2 DescribeImages', () => {
  it('describes the seeded Amazon Linux 2023 image', async () => {
    const answer = await ec2.send(new DescribeImagesCommand({}));
    expect(answer.Images?.[0]).toMatchObject({
      Architecture: 'x86_64',
      State: 'available',
      ImageOwnerAlias: 'amazon',
    });
  });
});
