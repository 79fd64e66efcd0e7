import type { ScaleFieldProps } from './NumberLimitField';

/**
 * A scale limit chosen from the template's AllowedValues, such as the agent instance type.
 * A deployed value the template no longer allows stays visible as an option so the field
 * never claims a value that is not deployed.
 */
export function ChoiceField(props: ScaleFieldProps) {
  const { parameter, shown, deployed, error, disabled, onChange } = props;
  const { key, label } = parameter;
  const inputId = `scale-field-${key}`;
  const errorId = `${inputId}-error`;
  const allowed = parameter.constraints.allowedValues ?? [];
  const options =
    deployed !== undefined && !allowed.includes(deployed) ? [deployed, ...allowed] : allowed;

  return (
    <div className="min-w-[12rem]">
      <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select
        id={inputId}
        value={shown}
        disabled={disabled}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : errorId}
        data-testid={`scale-${key}`}
        onChange={(event) => onChange(event.target.value)}
        className="mt-1 h-8 rounded border border-slate-300 bg-white px-2 text-sm disabled:bg-slate-100"
      >
        {options.map((value) => (
          <option key={value} value={value}>
            {allowed.includes(value) ? value : `${value} (deployed, no longer allowed)`}
          </option>
        ))}
      </select>
      <p className="mt-1 text-xs text-slate-500">
        Deployed <span data-testid={`scale-${key}-deployed`}>{deployed ?? '—'}</span>
      </p>
      {error === undefined ? null : (
        <p id={errorId} className="mt-1 text-xs text-red-700" data-testid={`scale-${key}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
