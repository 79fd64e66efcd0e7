import {
  DescribeAvailabilityZonesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from '../../support';

let sandbox: RunningSandbox;
let ec2: ReturnType<typeof clientsFor>['ec2'];

beforeAll(async () => {
  sandbox = await pausedSandbox();
  ec2 = clientsFor(sandbox.url).ec2;
});
afterAll(() => sandbox.close());

describe('the seeded account network', () => {
  it('has the sandbox VPC with a Name tag, then the default VPC', async () => {
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({}));
    expect(Vpcs).toHaveLength(2);
    expect(Vpcs?.[0]).toMatchObject({
      CidrBlock: '10.0.0.0/16',
      State: 'available',
      IsDefault: false,
      Tags: [{ Key: 'Name', Value: 'sandbox-vpc' }],
    });
    expect(Vpcs?.[1]).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true });
  });

  it('has public and private subnets in three Availability Zones', async () => {
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({}));
    const { Subnets } = await ec2.send(
      new DescribeSubnetsCommand({
        Filters: [{ Name: 'vpc-id', Values: [Vpcs?.[0]?.VpcId ?? ''] }],
      }),
    );
    expect(Subnets).toHaveLength(6);
    expect(new Set(Subnets?.map((subnet) => subnet.AvailabilityZone))).toEqual(
      new Set(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']),
    );
    const publicOnes = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'tag:Name', Values: ['sandbox-public-*'] }] }),
    );
    expect(publicOnes.Subnets?.every((subnet) => subnet.MapPublicIpOnLaunch)).toBe(true);
  });

  it('reports a missing subnet with EC2 error code', async () => {
    await expect(
      ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0000000000000000f'] })),
    ).rejects.toMatchObject({
      name: 'InvalidSubnetID.NotFound',
    });
  });

  it('has the default security group', async () => {
    const { SecurityGroups } = await ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }),
    );
    expect(SecurityGroups?.[0]?.IpPermissionsEgress?.[0]).toMatchObject({
      IpProtocol: '-1',
      IpRanges: [{ CidrIp: '0.0.0.0/0' }],
    });
  });

  it('has the jenkins-agents key pair, and names a missing one in the error', async () => {
    const { KeyPairs } = await ec2.send(new DescribeKeyPairsCommand({}));
    expect(KeyPairs?.map((key) => key.KeyName)).toEqual(['jenkins-agents']);
    await expect(
      ec2.send(new DescribeKeyPairsCommand({ KeyNames: ['nope'] })),
    ).rejects.toMatchObject({
      name: 'InvalidKeyPair.NotFound',
      message: "The key pair 'nope' does not exist",
    });
  });

  it('lists three Availability Zones for the region', async () => {
    const { AvailabilityZones } = await ec2.send(new DescribeAvailabilityZonesCommand({}));
    expect(AvailabilityZones?.map((zone) => [zone.ZoneName, zone.ZoneId, zone.State])).toEqual([
      ['eu-west-1a', 'euw1-az1', 'available'],
      ['eu-west-1b', 'euw1-az2', 'available'],
      ['eu-west-1c', 'euw1-az3', 'available'],
    ]);
  });

  it('keeps state per region', async () => {
    const { Vpcs: here } = await ec2.send(new DescribeVpcsCommand({}));
    const usEast = new EC2Client({
      endpoint: sandbox.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    });
    const { Vpcs: there } = await usEast.send(new DescribeVpcsCommand({}));
    expect(there?.[0]?.VpcId).not.toBe(here?.[0]?.VpcId);
    const { AvailabilityZones } = await usEast.send(new DescribeAvailabilityZonesCommand({}));
    expect(AvailabilityZones?.[0]?.ZoneName).toBe('us-east-1a');
  });
});
