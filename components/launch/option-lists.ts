import type { NetworkView } from '@/lib/stacks/launch-view';
import { splitList } from '@/lib/template/value-rules';

/** One choice in a picker: the value sent to CloudFormation and the text the person reads. */
export interface PickerOption {
  readonly value: string;
  readonly label: string;
}

/** VPCs as `name — vpc-… (10.0.0.0/16, default)`. */
export function vpcOptions(view: NetworkView | undefined): PickerOption[] {
  return (view?.vpcs ?? []).map((vpc) => ({
    value: vpc.id,
    label: `${vpc.name ?? '(no name)'} — ${vpc.id} (${vpc.cidr}${vpc.isDefault ? ', default' : ''})`,
  }));
}

/** The chosen VPC's subnets with the three things people choose by: zone, CIDR, Name tag. */
export function subnetOptions(view: NetworkView | undefined): PickerOption[] {
  return [...(view?.subnets ?? [])]
    .sort(
      (a, b) =>
        a.availabilityZone.localeCompare(b.availabilityZone) || a.cidr.localeCompare(b.cidr),
    )
    .map((subnet) => ({
      value: subnet.id,
      label: `${subnet.availabilityZone} · ${subnet.cidr} · ${subnet.name ?? '(no name)'} — ${subnet.id}`,
    }));
}

export function securityGroupOptions(view: NetworkView | undefined): PickerOption[] {
  return (view?.securityGroups ?? []).map((group) => ({
    value: group.id,
    label: `${group.name} — ${group.id}`,
  }));
}

export function plainOptions(values: readonly string[] | undefined): PickerOption[] {
  return (values ?? []).map((value) => ({ value, label: value }));
}

/**
 * Keeps a picker honest about its current value: chosen values the account does not list (a
 * quick-create link's, or a Default) are added as options marked "not found", so the select
 * shows what will be sent and the field's error explains it.
 */
export function withCurrentValues(options: readonly PickerOption[], value: string): PickerOption[] {
  const listed = new Set(options.map((option) => option.value));
  const unlisted = splitList(value)
    .filter((item) => !listed.has(item))
    .map((item) => ({ value: item, label: `${item} (not found)` }));
  return [...unlisted, ...options];
}
