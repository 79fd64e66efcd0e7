import type { ParameterModel } from './model';
import { splitList } from './value-rules';

/**
 * A rule across fields that the template cannot express. It receives the normalised values of
 * the fields that passed their own checks (a key is absent when its value is unknown, for
 * example kept as the previous value) and returns messages by parameter key; an empty object
 * means nothing to report. Context such as the subnet → Availability Zone map is captured by
 * the function that builds the check.
 */
export type CrossFieldCheck = (
  values: Readonly<Record<string, string>>,
  model: ParameterModel,
) => Readonly<Record<string, string>>;

/**
 * Builds the load-balancer subnet check: an Application Load Balancer needs subnets in at
 * least two Availability Zones and accepts one subnet per zone, which a
 * `List<AWS::EC2::Subnet::Id>` parameter cannot require by itself (C05). `subnetAzs` maps each
 * subnet the operator may choose (DescribeSubnets for the chosen VPC) to its zone.
 */
export function subnetsInTwoAzs(
  parameterKey: string,
  subnetAzs: Readonly<Record<string, string>>,
): CrossFieldCheck {
  return (values) => {
    const value = values[parameterKey];
    if (value === undefined) return {};
    const message = loadBalancerSubnetProblem(splitList(value), subnetAzs);
    return message === undefined ? {} : { [parameterKey]: message };
  };
}

function loadBalancerSubnetProblem(
  subnets: readonly string[],
  subnetAzs: Readonly<Record<string, string>>,
): string | undefined {
  const unknown = subnets.filter((subnet) => !Object.hasOwn(subnetAzs, subnet));
  if (unknown.length > 0) {
    return `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a subnet' : 'are not subnets'} of the chosen VPC.`;
  }

  const zones = new Set(subnets.map((subnet) => subnetAzs[subnet] as string));
  if (zones.size < 2) {
    const [onlyZone] = zones;
    return onlyZone === undefined
      ? 'Choose subnets in at least two Availability Zones.'
      : `Choose subnets in at least two Availability Zones: every chosen subnet is in ${onlyZone}.`;
  }

  // Elastic Load Balancing refuses two subnets in one zone at create time.
  const subnetByZone = new Map<string, string>();
  for (const subnet of subnets) {
    const zone = subnetAzs[subnet] as string;
    const other = subnetByZone.get(zone);
    if (other !== undefined && other !== subnet) {
      return `Choose one subnet per Availability Zone: ${other} and ${subnet} are both in ${zone}.`;
    }
    subnetByZone.set(zone, subnet);
  }
  return undefined;
}
