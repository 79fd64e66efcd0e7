import type { RegionState, WorldState } from './state';

/**
 * Whether a value names an existing resource for a CloudFormation AWS-specific parameter type
 * (`AWS::EC2::VPC::Id`, `AWS::EC2::KeyPair::KeyName`, …), which CloudFormation checks before it
 * starts an operation. Types the sandbox does not model are accepted.
 */
export function resourceExists(
  region: RegionState,
  world: WorldState,
  parameterType: string,
  value: string,
): boolean {
  switch (parameterType) {
    case 'AWS::EC2::VPC::Id':
      return value in region.vpcs;
    case 'AWS::EC2::Subnet::Id':
      return value in region.subnets;
    case 'AWS::EC2::SecurityGroup::Id':
      return value in region.securityGroups;
    case 'AWS::EC2::SecurityGroup::GroupName':
      return Object.values(region.securityGroups).some((group) => group.groupName === value);
    case 'AWS::EC2::KeyPair::KeyName':
      return value in region.keyPairs;
    case 'AWS::EC2::Image::Id':
      return value in region.images;
    case 'AWS::EC2::Instance::Id':
      return value in region.instances;
    case 'AWS::EC2::AvailabilityZone::Name':
      return Object.values(region.subnets).some((subnet) => subnet.availabilityZone === value);
    case 'AWS::Route53::HostedZone::Id':
      return value.replace(/^\/?hostedzone\//, '') in world.hostedZones;
    default:
      return true;
  }
}
