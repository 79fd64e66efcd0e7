import type { ReactNode } from 'react';
import type { NetworkView } from '@/lib/stacks/launch-view';
import type { ParameterDefinition } from '@/lib/template';
import type { InputWiring } from './AccountPicker';
import { fieldKind } from './field-kind';
import { ParameterInput } from './ParameterInput';
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
