import 'server-only';
import type { Tag } from '@aws-sdk/client-ec2';
import type { AwsClients } from '../aws/clients';
import {
  describeAvailabilityZones,
  describeKeyPairNames,
  describeSecurityGroups,
  describeSubnets,
  describeVpcs,
} from '../aws/ec2';
import type { NetworkView } from './launch-view';

function nameTag(tags: readonly Tag[] | undefined): string | undefined {
  return tags?.find((tag) => tag.Key === 'Name')?.Value;
}

/**
 * The account's network for the launch form's pickers: VPCs, and for the chosen VPC its
 * subnets (AZ, CIDR, Name tag) and security groups, plus key pairs and AZs, read in parallel.
 * Subnets are filtered by VPC on the server, which the CloudFormation console does not do.
 */
export async function networkView(
  clients: AwsClients,
  vpcId: string | undefined,
): Promise<NetworkView> {
  const [vpcs, subnets, securityGroups, keyPairs, availabilityZones] = await Promise.all([
    describeVpcs(clients),
    vpcId === undefined ? Promise.resolve([]) : describeSubnets(clients, vpcId),
    vpcId === undefined ? Promise.resolve([]) : describeSecurityGroups(clients, vpcId),
    describeKeyPairNames(clients),
    describeAvailabilityZones(clients),
  ]);
  return {
    region: clients.region,
    vpcs: vpcs.map((vpc) => ({
      id: vpc.VpcId ?? '',
      cidr: vpc.CidrBlock ?? '',
      name: nameTag(vpc.Tags),
      isDefault: vpc.IsDefault ?? false,
    })),
    subnets: subnets
      .map((subnet) => ({
        id: subnet.SubnetId ?? '',
        availabilityZone: subnet.AvailabilityZone ?? '',
        cidr: subnet.CidrBlock ?? '',
        name: nameTag(subnet.Tags),
      }))
      .sort(
        (a, b) =>
          a.availabilityZone.localeCompare(b.availabilityZone) || a.cidr.localeCompare(b.cidr),
      ),
    securityGroups: securityGroups.map((group) => ({
      id: group.GroupId ?? '',
      name: group.GroupName ?? '',
    })),
    keyPairs: [...keyPairs].sort(),
    availabilityZones,
  };
}
