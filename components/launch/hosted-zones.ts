import type { ParameterDefinition } from '@/lib/template';
import { withCurrentValues, type PickerOption } from './option-lists';

/** One hosted zone as GET /api/account/hosted-zones lists it (id without `/hostedzone/`). */
export interface HostedZoneView {
  readonly id: string;
  readonly name: string;
  readonly privateZone: boolean;
}

/** GET /api/account/hosted-zones for a region; a null key skips the fetch. */
export function hostedZonesKey(region: string | undefined): string | null {
  if (region === undefined || region === '') return null;
  return `/api/account/hosted-zones?region=${encodeURIComponent(region)}`;
}

/** The text of the "no DNS record" choice of a String hosted-zone parameter. */
export const NO_HOSTED_ZONE_LABEL = 'None: no DNS record';

/**
 * Whether blank is a legal choice for a hosted-zone field. Our template's `HostedZoneId` is a
 * String where '' means "no DNS record"; the `AWS::Route53::HostedZone::Id` type names an
 * existing zone, so CloudFormation refuses blank there.
 */
export function hostedZoneAllowsNone(parameter: ParameterDefinition): boolean {
  return parameter.type.kind === 'string';
}

/**
 * The hosted-zone picker's choices: "none" first when blank is legal, then the account's zones
 * by name (`example.com — Z0123… (private)`), and a chosen id the account does not list (a
 * Default, a quick-create link's) kept and marked "not found" so the select shows what is sent.
 */
export function hostedZoneOptions(
  zones: readonly HostedZoneView[] | undefined,
  value: string,
  allowNone: boolean,
): PickerOption[] {
  const listed = [...(zones ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((zone) => ({
      value: zone.id,
      label: `${zone.name.replace(/\.$/, '')} — ${zone.id}${zone.privateZone ? ' (private)' : ''}`,
    }));
  const options = withCurrentValues(listed, value.trim());
  return allowNone ? [{ value: '', label: NO_HOSTED_ZONE_LABEL }, ...options] : options;
}
