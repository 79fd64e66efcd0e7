import 'server-only';
import {
  DescribeAvailabilityZonesCommand,
  DescribeKeyPairsCommand,
  paginateDescribeInstances,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
  type Instance,
  type SecurityGroup,
  type Subnet,
  type Vpc,
} from '@aws-sdk/client-ec2';
import type { AwsClients } from './clients';

/** DescribeInstances' largest page. */
export const DESCRIBE_INSTANCES_PAGE = 1000;

/**
 * The agent instances of one stack: filtered on the server by the stack's agent tag, without
 * terminated ones, at the largest page size, over every page (EC2 may return short or even
 * empty pages with a NextToken, so paging goes on until the token is gone) unless aborted.
 */
export async function describeAgentInstances(
  clients: AwsClients,
  tagKey: string,
  tagValue: string,
  abortSignal?: AbortSignal,
): Promise<Instance[]> {
  const instances: Instance[] = [];
  const pages = paginateDescribeInstances(
    { client: clients.ec2, pageSize: DESCRIBE_INSTANCES_PAGE },
    {
      Filters: [
        { Name: `tag:${tagKey}`, Values: [tagValue] },
        {
          Name: 'instance-state-name',
          Values: ['pending', 'running', 'shutting-down', 'stopping', 'stopped'],
        },
      ],
    },
    // Handed to every page's send: an aborted listing stops asking for the next page.
    { abortSignal },
  );
  for await (const page of pages) {
    for (const reservation of page.Reservations ?? [])
      instances.push(...(reservation.Instances ?? []));
  }
  return instances;
}

/** Every VPC of the region. */
export async function describeVpcs(clients: AwsClients): Promise<Vpc[]> {
  const vpcs: Vpc[] = [];
  for await (const page of paginateDescribeVpcs({ client: clients.ec2 }, {})) {
    vpcs.push(...(page.Vpcs ?? []));
  }
  return vpcs;
}

/** The subnets of one VPC, or of the region when no VPC is given. */
export async function describeSubnets(clients: AwsClients, vpcId?: string): Promise<Subnet[]> {
  const subnets: Subnet[] = [];
  const input = vpcId === undefined ? {} : { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] };
  for await (const page of paginateDescribeSubnets({ client: clients.ec2 }, input)) {
    subnets.push(...(page.Subnets ?? []));
  }
  return subnets;
}

/** The security groups of one VPC. */
export async function describeSecurityGroups(
  clients: AwsClients,
  vpcId: string,
): Promise<SecurityGroup[]> {
  const groups: SecurityGroup[] = [];
  const input = { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] };
  for await (const page of paginateDescribeSecurityGroups({ client: clients.ec2 }, input)) {
    groups.push(...(page.SecurityGroups ?? []));
  }
  return groups;
}

/** The key pairs of the region (DescribeKeyPairs is not paginated). */
export async function describeKeyPairNames(clients: AwsClients): Promise<string[]> {
  const output = await clients.ec2.send(new DescribeKeyPairsCommand({}));
  return (output.KeyPairs ?? []).flatMap((pair) =>
    pair.KeyName === undefined ? [] : [pair.KeyName],
  );
}

/** The available zones of the region. */
export async function describeAvailabilityZones(clients: AwsClients): Promise<string[]> {
  const output = await clients.ec2.send(
    new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'state', Values: ['available'] }] }),
  );
  return (output.AvailabilityZones ?? []).flatMap((zone) =>
    zone.ZoneName === undefined ? [] : [zone.ZoneName],
  );
}
