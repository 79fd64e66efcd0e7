import { ChoiceField } from './ChoiceField';
import { ControllerSwitch } from './ControllerSwitch';
import { controlKind } from './fields';
import { NumberLimitField, type ScaleFieldProps } from './NumberLimitField';

function TextField(props: ScaleFieldProps) {
  const { parameter, shown, deployed, error, disabled, onChange } = props;
  const inputId = `scale-field-${parameter.key}`;
  return (
    <div className="min-w-[12rem]">
      <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">
        {parameter.label}
      </label>
      <input
        id={inputId}
        type="text"
        value={shown}
        disabled={disabled}
        aria-invalid={error !== undefined}
        data-testid={`scale-${parameter.key}`}
        onChange={(event) => onChange(event.target.value)}
        className="mt-1 h-8 rounded border border-slate-300 px-2 text-sm disabled:bg-slate-100"
      />
      <p className="mt-1 text-xs text-slate-500">Deployed {deployed ?? '—'}</p>
      {error === undefined ? null : <p className="mt-1 text-xs text-red-700">{error}</p>}
    </div>
  );
}

/** One scale limit with the control its template definition calls for. */
export function ScaleField(props: ScaleFieldProps) {
  switch (controlKind(props.parameter)) {
    case 'number':
      return <NumberLimitField {...props} />;
    case 'choice':
      return <ChoiceField {...props} />;
    case 'switch':
      return <ControllerSwitch {...props} />;
    case 'text':
      return <TextField {...props} />;
  }
}
