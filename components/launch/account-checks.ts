import type { NetworkView } from '@/lib/stacks/launch-view';
import { subnetsInTwoAzs, type CrossFieldCheck } from '@/lib/template/checks';
import type { ParameterModel } from '@/lib/template/model';
import { splitList } from '@/lib/template/value-rules';
import { fieldKind, type FieldKind } from './field-kind';

/** Load-balancer subnet parameters of our template: they need two Availability Zones (C05). */
export const LOAD_BALANCER_SUBNET_KEYS: readonly string[] = ['LoadBalancerSubnets'];

/**
 * What the account offers in the chosen region, as the pickers and the checks need it. A list
 * is undefined until it has loaded, so nothing is judged against a list not yet known.
 */
export interface AccountChoices {
  readonly region: string;
  readonly vpcs: readonly string[] | undefined;
  readonly keyPairs: readonly string[] | undefined;
  readonly availabilityZones: readonly string[] | undefined;
  /** Subnet → Availability Zone for the chosen VPC's subnets. */
  readonly subnetAzs: Readonly<Record<string, string>> | undefined;
  /** Security group ids of the chosen VPC. */
  readonly securityGroups: readonly string[] | undefined;
  /** Hosted zone ids of the account (Route 53 is global); undefined until listed. */
  readonly hostedZones?: readonly string[] | undefined;
}

/**
 * Collects the account choices from the region-wide network view (VPCs, key pairs, zones) and
 * the chosen VPC's view (subnets, security groups), plus the account's hosted zone ids; any of
 * them may still be loading.
 */
export function accountChoices(
  region: string,
  regionView: NetworkView | undefined,
  vpcView: NetworkView | undefined,
  hostedZones?: readonly string[],
): AccountChoices {
  return {
    region,
    hostedZones,
    vpcs: regionView?.vpcs.map((vpc) => vpc.id),
    keyPairs: regionView?.keyPairs,
    availabilityZones: regionView?.availabilityZones,
    subnetAzs:
      vpcView === undefined
        ? undefined
        : Object.fromEntries(vpcView.subnets.map((subnet) => [subnet.id, subnet.availabilityZone])),
    securityGroups: vpcView?.securityGroups.map((group) => group.id),
  };
}

/** The sentence that blocks a key-pair field in a region without key pairs (C11). */
export function noKeyPairsMessage(region: string): string {
  return (
    `There are no EC2 key pairs in ${region}. CloudFormation only accepts an existing key ` +
    'pair here: create or import one in the EC2 console (Network & Security → Key pairs), ' +
    'then reload this page.'
  );
}

/**
 * The cross-field checks the launch form runs with the validator: load-balancer subnets in at
 * least two zones, and every picked VPC, subnet, security group, key pair and zone present in
 * the account (CloudFormation would otherwise fail the change set after the wait, C11).
 */
export function accountChecks(model: ParameterModel, choices: AccountChoices): CrossFieldCheck[] {
  const checks: CrossFieldCheck[] = [];
  if (choices.subnetAzs !== undefined) {
    for (const key of LOAD_BALANCER_SUBNET_KEYS) {
      if (model.parameters.some((parameter) => parameter.key === key)) {
        checks.push(subnetsInTwoAzs(key, choices.subnetAzs));
      }
    }
  }
  checks.push((values) => existenceProblems(model, values, choices));
  return checks;
}

function existenceProblems(
  model: ParameterModel,
  values: Readonly<Record<string, string>>,
  choices: AccountChoices,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const parameter of model.parameters) {
    const value = values[parameter.key];
    if (value === undefined || value === '') continue;
    const message = missingFromAccount(fieldKind(parameter), splitList(value), choices);
    if (message !== undefined) problems[parameter.key] = message;
  }
  return problems;
}

function missingFromAccount(
  kind: FieldKind,
  chosen: readonly string[],
  choices: AccountChoices,
): string | undefined {
  const { region } = choices;
  switch (kind) {
    case 'vpc':
      return absent(chosen, choices.vpcs, (ids) => `${ids} is not a VPC in ${region}.`);
    case 'subnet':
    case 'subnets': {
      const known = choices.subnetAzs === undefined ? undefined : Object.keys(choices.subnetAzs);
      return absent(chosen, known, (ids, many) =>
        many
          ? `${ids} are not subnets of the chosen VPC.`
          : `${ids} is not a subnet of the chosen VPC.`,
      );
    }
    case 'security-group':
    case 'security-groups':
      return absent(chosen, choices.securityGroups, (ids, many) =>
        many
          ? `${ids} are not security groups of the chosen VPC.`
          : `${ids} is not a security group of the chosen VPC.`,
      );
    case 'key-pair':
      if (choices.keyPairs?.length === 0) return noKeyPairsMessage(region);
      return absent(
        chosen,
        choices.keyPairs,
        (ids) => `Key pair ${ids} does not exist in ${region}; choose one that does.`,
      );
    case 'availability-zone':
    case 'availability-zones':
      return absent(
        chosen,
        choices.availabilityZones,
        (ids) => `${ids} is not an Availability Zone of ${region}.`,
      );
    case 'hosted-zone':
      return absent(
        chosen,
        choices.hostedZones,
        (ids) => `Hosted zone ${ids} is not in this account; choose one from the list.`,
      );
    default:
      return undefined;
  }
}

function absent(
  chosen: readonly string[],
  known: readonly string[] | undefined,
  sentence: (ids: string, many: boolean) => string,
): string | undefined {
  if (known === undefined) return undefined;
  const missing = chosen.filter((id) => !known.includes(id));
  return missing.length === 0 ? undefined : sentence(missing.join(', '), missing.length > 1);
}
