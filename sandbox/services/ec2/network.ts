import { AwsServiceError } from '../../core/errors';
import { stringList } from '../../core/input';
import type { OperationHandler } from '../../core/types';
import type { SecurityGroupRule } from '../../world/state';
import type { World } from '../../world/world';
import { matchesFilters, readFilters, tagSet } from './filters';

/** DescribeVpcs, DescribeSubnets, DescribeSecurityGroups, DescribeKeyPairs, DescribeAvailabilityZones. */
export function networkOperations(world: World): Record<string, OperationHandler> {
  return {
    DescribeVpcs(input, call) {
      const region = world.region(call.region);
      const filters = readFilters(input);
      const vpcs = selectByIds(
        Object.values(region.vpcs),
        stringList(input.VpcId),
        (vpc) => vpc.vpcId,
        'InvalidVpcID.NotFound',
        (id) => `The vpc ID '${id}' does not exist`,
      );
      return {
        vpcSet: vpcs
          .filter((vpc) =>
            matchesFilters(
              filters,
              vpc.tags,
              (name) =>
                ({
                  'vpc-id': [vpc.vpcId],
                  'cidr-block': [vpc.cidrBlock],
                  'is-default': [String(vpc.isDefault)],
                  state: ['available'],
                  'owner-id': [call.accountId],
                })[name],
            ),
          )
          .map((vpc) => ({
            vpcId: vpc.vpcId,
            ownerId: call.accountId,
            state: 'available',
            cidrBlock: vpc.cidrBlock,
            cidrBlockAssociationSet: [
              {
                associationId: `vpc-cidr-assoc-${vpc.vpcId.slice(4)}`,
                cidrBlock: vpc.cidrBlock,
                cidrBlockState: { state: 'associated' },
              },
            ],
            dhcpOptionsId: 'dopt-0sandbox',
            instanceTenancy: 'default',
            isDefault: vpc.isDefault,
            tagSet: tagSet(vpc.tags),
          })),
      };
    },

    DescribeSubnets(input, call) {
      const region = world.region(call.region);
      const filters = readFilters(input);
      const subnets = selectByIds(
        Object.values(region.subnets),
        stringList(input.SubnetId),
        (subnet) => subnet.subnetId,
        'InvalidSubnetID.NotFound',
        (id) => `The subnet ID '${id}' does not exist`,
      );
      return {
        subnetSet: subnets
          .filter((subnet) =>
            matchesFilters(
              filters,
              subnet.tags,
              (name) =>
                ({
                  'subnet-id': [subnet.subnetId],
                  'vpc-id': [subnet.vpcId],
                  'availability-zone': [subnet.availabilityZone],
                  'availability-zone-id': [subnet.availabilityZoneId],
                  'cidr-block': [subnet.cidrBlock],
                  'default-for-az': ['false'],
                  'map-public-ip-on-launch': [String(subnet.mapPublicIpOnLaunch)],
                  state: ['available'],
                })[name],
            ),
          )
          .map((subnet) => ({
            subnetId: subnet.subnetId,
            subnetArn: world.arn('ec2', call.region, `subnet/${subnet.subnetId}`),
            state: 'available',
            vpcId: subnet.vpcId,
            cidrBlock: subnet.cidrBlock,
            availableIpAddressCount: 4091,
            availabilityZone: subnet.availabilityZone,
            availabilityZoneId: subnet.availabilityZoneId,
            defaultForAz: false,
            mapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch,
            ownerId: call.accountId,
            tagSet: tagSet(subnet.tags),
          })),
      };
    },

    DescribeSecurityGroups(input, call) {
      const region = world.region(call.region);
      const filters = readFilters(input);
      const byId = selectByIds(
        Object.values(region.securityGroups),
        stringList(input.GroupId),
        (group) => group.groupId,
        'InvalidGroup.NotFound',
        (id) => `The security group '${id}' does not exist`,
      );
      const names = stringList(input.GroupName);
      return {
        securityGroupInfo: byId
          .filter((group) => names.length === 0 || names.includes(group.groupName))
          .filter((group) =>
            matchesFilters(
              filters,
              group.tags,
              (name) =>
                ({
                  'group-id': [group.groupId],
                  'group-name': [group.groupName],
                  'vpc-id': [group.vpcId],
                  description: [group.description],
                  'owner-id': [call.accountId],
                })[name],
            ),
          )
          .map((group) => ({
            ownerId: call.accountId,
            groupId: group.groupId,
            groupName: group.groupName,
            groupDescription: group.description,
            vpcId: group.vpcId,
            ipPermissions: group.ingress.map((rule) => permission(rule, call.accountId)),
            ipPermissionsEgress: group.egress.map((rule) => permission(rule, call.accountId)),
            tagSet: tagSet(group.tags),
          })),
      };
    },

    DescribeKeyPairs(input, call) {
      const region = world.region(call.region);
      const filters = readFilters(input);
      const keys = selectByIds(
        Object.values(region.keyPairs),
        stringList(input.KeyName),
        (key) => key.keyName,
        'InvalidKeyPair.NotFound',
        (id) => `The key pair '${id}' does not exist`,
      );
      return {
        keySet: keys
          .filter((key) =>
            matchesFilters(
              filters,
              key.tags,
              (name) =>
                ({
                  'key-name': [key.keyName],
                  'key-pair-id': [key.keyPairId],
                  fingerprint: [key.keyFingerprint],
                })[name],
            ),
          )
          .map((key) => ({
            keyPairId: key.keyPairId,
            keyFingerprint: key.keyFingerprint,
            keyName: key.keyName,
            keyType: key.keyType,
            tagSet: tagSet(key.tags),
            createTime: new Date(key.createdAt),
          })),
      };
    },

    DescribeAvailabilityZones(input, call) {
      const region = world.region(call.region);
      const filters = readFilters(input);
      const names = stringList(input.ZoneName);
      const zones = new Map<string, string>();
      for (const subnet of Object.values(region.subnets))
        zones.set(subnet.availabilityZone, subnet.availabilityZoneId);
      return {
        availabilityZoneInfo: [...zones]
          .filter(([zoneName]) => names.length === 0 || names.includes(zoneName))
          .filter(([zoneName, zoneId]) =>
            matchesFilters(
              filters,
              [],
              (name) =>
                ({
                  'zone-name': [zoneName],
                  'zone-id': [zoneId],
                  'region-name': [call.region],
                  state: ['available'],
                  'zone-type': ['availability-zone'],
                })[name],
            ),
          )
          .map(([zoneName, zoneId]) => ({
            optInStatus: 'opt-in-not-required',
            zoneName,
            zoneId,
            zoneState: 'available',
            regionName: call.region,
            groupName: call.region,
            networkBorderGroup: call.region,
            zoneType: 'availability-zone',
            messageSet: [],
          })),
      };
    },
  };
}

/**
 * Resources named by id, or all when no ids are given; an id that does not exist fails the whole
 * call, as EC2 does.
 */
export function selectByIds<T>(
  all: T[],
  ids: string[],
  idOf: (item: T) => string,
  notFoundCode: string,
  notFoundMessage: (id: string) => string,
): T[] {
  if (ids.length === 0) return all;
  const missing = ids.find((id) => !all.some((item) => idOf(item) === id));
  if (missing !== undefined) throw new AwsServiceError(notFoundCode, notFoundMessage(missing));
  return all.filter((item) => ids.includes(idOf(item)));
}

function permission(rule: SecurityGroupRule, accountId: string): Record<string, unknown> {
  return {
    ipProtocol: rule.IpProtocol,
    fromPort: rule.FromPort,
    toPort: rule.ToPort,
    ipRanges: rule.CidrIp ? [{ cidrIp: rule.CidrIp, description: rule.Description }] : [],
    groups: rule.SourceSecurityGroupId
      ? [{ groupId: rule.SourceSecurityGroupId, userId: accountId }]
      : [],
    ipv6Ranges: [],
    prefixListIds: [],
  };
}
