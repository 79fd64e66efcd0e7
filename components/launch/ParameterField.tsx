import type { ReactNode } from 'react';
import type { NetworkView } from '@/lib/stacks/launch-view';
import type { ParameterDefinition } from '@/lib/template';
import { AccountPicker, type InputWiring } from './AccountPicker';
import { fieldKind, type FieldKind } from './field-kind';
import { HostedZoneSelect } from './HostedZoneSelect';
import {
  plainOptions,
  securityGroupOptions,
  subnetOptions,
  vpcOptions,
  type PickerOption,
} from './option-lists';
import { INPUT_CLASS } from './styles';
import { SsmResolutionLine } from './SsmResolutionLine';
import type { ParameterLookups } from './use-parameter-lookups';

/** What the account pickers of one region (and its chosen VPC) have to offer. */
export interface PickerSource {
  readonly region: string;
  readonly regionView: NetworkView | undefined;
  readonly vpcView: NetworkView | undefined;
  /** The template has a VPC parameter, so subnet and security group lists follow it. */
  readonly hasVpcPicker: boolean;
  readonly vpcChosen: boolean;
  /** Why the lists are empty when a fetch failed. */
  readonly loadError: string | undefined;
  /** Hosted zones and SSM resolutions (`useParameterLookups`); absent where not looked up. */
  readonly lookups?: Pick<ParameterLookups, 'hostedZones' | 'hostedZonesError' | 'ssm'>;
}

/** A line under a field's input, such as the update form's "unchanged" hint for NoEcho. */
export interface FieldNotice {
  readonly text: ReactNode;
  readonly testId?: string;
}

/**
 * One parameter: its label (the template's ParameterLabels text, so end-to-end tests find the
 * input by it), description, the input its type calls for, what an SSM name resolves to, an
 * optional notice, and the validator's message under it.
 */
export function ParameterField({
  parameter,
  value,
  error,
  pickers,
  notice,
  placeholder,
  onChange,
  onBlur,
}: {
  parameter: ParameterDefinition;
  value: string;
  error: string | undefined;
  pickers: PickerSource;
  notice?: FieldNotice;
  /** Shown in an empty text or password input (the update form's "unchanged"). */
  placeholder?: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  const id = `param-${parameter.key}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const noticeId = `${id}-notice`;
  const ssmId = `${id}-ssm`;
  const resolution = pickers.lookups?.ssm[parameter.key];
  const describedBy = [
    parameter.description ? hintId : undefined,
    notice ? noticeId : undefined,
    resolution ? ssmId : undefined,
    error ? errorId : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const wiring: InputWiring = {
    id,
    describedBy: describedBy === '' ? undefined : describedBy,
    invalid: error !== undefined,
    onBlur,
  };

  return (
    <div data-testid={`field-${parameter.key}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {parameter.label}
      </label>
      {parameter.label === parameter.key ? null : (
        <span className="font-mono text-xs text-slate-500">{parameter.key}</span>
      )}
      {parameter.description === undefined ? null : (
        <p id={hintId} className="mt-0.5 text-xs text-slate-600">
          {parameter.description}
        </p>
      )}
      <ParameterInput
        parameter={parameter}
        kind={fieldKind(parameter)}
        value={value}
        wiring={wiring}
        pickers={pickers}
        placeholder={placeholder}
        onChange={onChange}
      />
      {resolution === undefined ? null : (
        <SsmResolutionLine id={ssmId} parameterKey={parameter.key} resolution={resolution} />
      )}
      {notice === undefined ? null : (
        <p id={noticeId} data-testid={notice.testId} className="mt-1 text-xs text-slate-600">
          {notice.text}
        </p>
      )}
      {error === undefined ? null : (
        <p
          id={errorId}
          role="alert"
          data-testid={`field-error-${parameter.key}`}
          className="mt-1 text-sm text-red-700"
        >
          {error}
        </p>
      )}
    </div>
  );
}

function ParameterInput({
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
      if (!pickers.hasVpcPicker) return listInput(common, value, onChange, 'subnet-…, subnet-…');
      return picker(
        subnetOptions(pickers.vpcView),
        kind === 'subnets',
        'Choose a subnet…',
        vpcEmpty(pickers, 'subnets'),
      );
    case 'security-group':
    case 'security-groups':
      if (!pickers.hasVpcPicker) return listInput(common, value, onChange, 'sg-…');
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
      return listInput(common, value, onChange, 'value1,value2');
    case 'text':
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
}

function listInput(
  common: Record<string, unknown>,
  value: string,
  onChange: (value: string) => void,
  placeholder: string,
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
