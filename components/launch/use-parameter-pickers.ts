'use client';

import type { CrossFieldCheck, ParameterModel } from '@/lib/template';
import { accountChecks, accountChoices, type AccountChoices } from './account-checks';
import { fieldKind } from './field-kind';
import type { PickerSource } from './ParameterField';
import { useAccountNetwork } from './use-account-network';
import { useParameterLookups, type ParameterLookups } from './use-parameter-lookups';

/** Everything a parameter form needs from the account to offer and check its values. */
export interface ParameterPickers {
  /** The template's VPC parameter, whose value the subnet and security group lists follow. */
  readonly vpcKey: string | undefined;
  readonly pickers: PickerSource;
  readonly lookups: ParameterLookups;
  readonly choices: AccountChoices;
  /** The account checks and the SSM check, for the form's validator. */
  readonly checks: CrossFieldCheck[];
}

/**
 * The account side of a parameter form (launch and update alike): the region's network lists
 * for the chosen VPC, the hosted zone and SSM look-ups, the pickers built from them and the
 * checks that judge the values against what the account really has.
 */
export function useParameterPickers(
  region: string,
  model: ParameterModel,
  values: Readonly<Record<string, string>>,
): ParameterPickers {
  const vpcKey = model.parameters.find((parameter) => fieldKind(parameter) === 'vpc')?.key;
  const network = useAccountNetwork(region, vpcKey === undefined ? '' : (values[vpcKey] ?? ''));
  const lookups = useParameterLookups(region, model, values);
  const zoneIds = lookups.hostedZones?.map((zone) => zone.id);
  const choices = accountChoices(region, network.regionView, network.vpcView, zoneIds);
  return {
    vpcKey,
    lookups,
    choices,
    checks: [...accountChecks(model, choices), lookups.ssmCheck],
    pickers: {
      region,
      regionView: network.regionView,
      vpcView: network.vpcView,
      hasVpcPicker: vpcKey !== undefined,
      vpcChosen: network.vpcChosen,
      loadError: network.loadError,
      lookups,
    },
  };
}
