import type { ParameterDefinition } from '@/lib/template';
import { hostedZoneAllowsNone, hostedZoneOptions } from './hosted-zones';
import type { PickerSource } from './ParameterField';

/**
 * The hosted-zone picker: the account's zones (Route 53 is global, so the list is the
 * account's, whatever the region), with "none" offered only where the parameter's type allows
 * blank, and why the list is empty while it loads or when it failed.
 */
export function HostedZoneSelect({
  parameter,
  value,
  common,
  pickers,
  onChange,
}: {
  parameter: ParameterDefinition;
  value: string;
  common: Record<string, unknown>;
  pickers: PickerSource;
  onChange: (value: string) => void;
}) {
  const lookups = pickers.lookups;
  const allowNone = hostedZoneAllowsNone(parameter);
  const options = hostedZoneOptions(lookups?.hostedZones, value, allowNone);
  const status =
    lookups?.hostedZonesError !== undefined
      ? `Could not list hosted zones: ${lookups.hostedZonesError}`
      : lookups?.hostedZones === undefined
        ? 'Loading hosted zones…'
        : lookups.hostedZones.length === 0
          ? 'This account has no hosted zones.'
          : undefined;
  return (
    <>
      <select {...common} value={value.trim()} onChange={(event) => onChange(event.target.value)}>
        {allowNone ? null : <option value="">Choose a hosted zone…</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {status === undefined ? null : <p className="mt-1 text-xs text-slate-500">{status}</p>}
    </>
  );
}
