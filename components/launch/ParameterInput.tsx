import type { ParameterDefinition } from '@/lib/template';
import { AccountPicker, type InputWiring } from './AccountPicker';
import type { FieldKind } from './field-kind';
import { HostedZoneSelect } from './HostedZoneSelect';
import {
  plainOptions,
  securityGroupOptions,
  subnetOptions,
  vpcOptions,
  type PickerOption,
} from './option-lists';
import type { PickerSource } from './ParameterField';
import { INPUT_CLASS } from './styles';

/**
 * The input a parameter's kind calls for: a password box for NoEcho, a select for allowed
 * values, a number box, an account picker (VPC, subnets, security groups, key pairs, zones,
 * hosted zones) or plain text; comma lists become text when the template has no VPC picker.
 */
export function ParameterInput({
  parameter,
  kind,
  value,
  wiring,
  pickers,
  placeholder,
  onChange,
}: {
  parameter: ParameterDefinition;
  kind: FieldKind;
  value: string;
  wiring: InputWiring;
  pickers: PickerSource;
  placeholder: string | undefined;
  onChange: (value: string) => void;
}) {
  const common = {
    id: wiring.id,
    'aria-describedby': wiring.describedBy,
    'aria-invalid': wiring.invalid,
    onBlur: wiring.onBlur,
    className: INPUT_CLASS,
  };
  const picker = (
    options: PickerOption[],
    multiple: boolean,
    placeholder: string,
    emptyText: string | undefined,
  ) => (
    <AccountPicker
      wiring={wiring}
      value={value}
      options={options}
      multiple={multiple}
      placeholder={placeholder}
      emptyText={emptyText}
      onChange={onChange}
    />
  );

  switch (kind) {
    case 'password':
      // Never prefilled and never echoed: the browser may offer to generate one.
      return (
        <input
          {...common}
          type="password"
          autoComplete="new-password"
          placeholder={placeholder}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'select':
      return (
        <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
          {(parameter.constraints.allowedValues ?? []).includes(value) ? null : (
            <option value={value}>{value === '' ? 'Choose…' : `${value} (not allowed)`}</option>
          )}
          {(parameter.constraints.allowedValues ?? []).map((allowed) => (
            <option key={allowed} value={allowed}>
              {allowed === '' ? '(blank)' : allowed}
            </option>
          ))}
        </select>
      );
    case 'number':
      return (
        <input
          {...common}
          type="number"
          inputMode="decimal"
          step="any"
          min={parameter.constraints.minValue}
          max={parameter.constraints.maxValue}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'vpc':
      return picker(
        vpcOptions(pickers.regionView),
        false,
        'Choose a VPC…',
        regionEmpty(pickers, 'VPCs'),
      );
    case 'subnet':
    case 'subnets':
      if (!pickers.hasVpcPicker) return textInput(common, value, onChange, 'subnet-…, subnet-…');
      return picker(
        subnetOptions(pickers.vpcView),
        kind === 'subnets',
        'Choose a subnet…',
        vpcEmpty(pickers, 'subnets'),
      );
    case 'security-group':
    case 'security-groups':
      if (!pickers.hasVpcPicker) return textInput(common, value, onChange, 'sg-…');
      return picker(
        securityGroupOptions(pickers.vpcView),
        kind === 'security-groups',
        'Choose a security group…',
        vpcEmpty(pickers, 'security groups'),
      );
    case 'key-pair':
      return picker(
        plainOptions(pickers.regionView?.keyPairs),
        false,
        'Choose a key pair…',
        regionEmpty(pickers, 'key pairs'),
      );
    case 'availability-zone':
    case 'availability-zones':
      return picker(
        plainOptions(pickers.regionView?.availabilityZones),
        kind === 'availability-zones',
        'Choose an Availability Zone…',
        regionEmpty(pickers, 'Availability Zones'),
      );
    case 'hosted-zone':
      return (
        <HostedZoneSelect
          parameter={parameter}
          value={value}
          common={common}
          pickers={pickers}
          onChange={onChange}
        />
      );
    case 'list':
      return textInput(common, value, onChange, 'value1,value2');
    case 'text':
      return textInput(common, value, onChange, placeholder);
  }
}

function textInput(
  common: Record<string, unknown>,
  value: string,
  onChange: (value: string) => void,
  placeholder: string | undefined,
) {
  return (
    <input
      {...common}
      type="text"
      spellCheck={false}
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function regionEmpty(pickers: PickerSource, what: string): string | undefined {
  if (pickers.loadError !== undefined) return `Could not list ${what}: ${pickers.loadError}`;
  if (pickers.regionView === undefined) return `Loading ${what}…`;
  return `No ${what} in ${pickers.region}.`;
}

function vpcEmpty(pickers: PickerSource, what: string): string | undefined {
  if (!pickers.vpcChosen) return `Choose a VPC first: ${what} are listed for the chosen VPC.`;
  if (pickers.loadError !== undefined) return `Could not list ${what}: ${pickers.loadError}`;
  if (pickers.vpcView === undefined) return `Loading ${what}…`;
  return `The chosen VPC has no ${what}.`;
}
