import type { ParameterDefinition } from '@/lib/template';

/** The String parameter name that our template (and many others) use for a hosted zone id. */
export const HOSTED_ZONE_KEY = 'HostedZoneId';

/** Which input the form renders for a parameter. */
export type FieldKind =
  | 'vpc'
  | 'subnet'
  | 'subnets'
  | 'security-group'
  | 'security-groups'
  | 'key-pair'
  | 'availability-zone'
  | 'availability-zones'
  | 'hosted-zone'
  | 'select'
  | 'number'
  | 'password'
  | 'list'
  | 'text';

/**
 * Chooses the input for a parameter: account pickers for the AWS-specific types the network
 * view lists (VPC, subnets filtered by the chosen VPC, security groups of that VPC, key pairs,
 * Availability Zones, Route 53 hosted zones), a select for AllowedValues, a password input for
 * NoEcho (whatever its type, so a secret is never shown), a number input for Number, and text
 * otherwise. A String named `HostedZoneId` gets the hosted-zone picker too: templates (ours
 * included) use a String there so that blank can mean "no DNS record", which the AWS type
 * cannot.
 */
export function fieldKind(parameter: ParameterDefinition): FieldKind {
  const { type } = parameter;
  if (parameter.noEcho) return 'password';

  if (type.kind === 'aws-specific') {
    switch (type.awsType) {
      case 'AWS::EC2::VPC::Id':
        return type.list ? 'list' : 'vpc';
      case 'AWS::EC2::Subnet::Id':
        return type.list ? 'subnets' : 'subnet';
      case 'AWS::EC2::SecurityGroup::Id':
        return type.list ? 'security-groups' : 'security-group';
      case 'AWS::EC2::KeyPair::KeyName':
        return 'key-pair';
      case 'AWS::EC2::AvailabilityZone::Name':
        return type.list ? 'availability-zones' : 'availability-zone';
      case 'AWS::Route53::HostedZone::Id':
        return type.list ? 'list' : 'hosted-zone';
      default:
        return type.list ? 'list' : 'text';
    }
  }

  if (
    parameter.key === HOSTED_ZONE_KEY &&
    type.kind === 'string' &&
    parameter.constraints.allowedValues === undefined
  ) {
    return 'hosted-zone';
  }
  if (parameter.constraints.allowedValues !== undefined && type.kind !== 'comma-list') {
    return type.kind === 'number-list' ? 'list' : 'select';
  }
  if (type.kind === 'number') return 'number';
  if (type.kind === 'number-list' || type.kind === 'comma-list') return 'list';
  return 'text';
}

/** Whether the field lists resources of the chosen VPC, so a new VPC empties it. */
export function dependsOnVpc(kind: FieldKind): boolean {
  return (
    kind === 'subnet' ||
    kind === 'subnets' ||
    kind === 'security-group' ||
    kind === 'security-groups'
  );
}

/** Whether the field lists resources of one region, so another region empties it. */
export function isRegionBound(kind: FieldKind): boolean {
  return (
    dependsOnVpc(kind) ||
    kind === 'vpc' ||
    kind === 'key-pair' ||
    kind === 'availability-zone' ||
    kind === 'availability-zones'
  );
}
