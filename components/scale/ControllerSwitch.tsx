import type { ScaleFieldProps } from './NumberLimitField';

/**
 * The controller's on/off switch (ControllerEnabled, the service's desired count 1 or 0).
 * Switching it off says at once that Jenkins goes down; the change set review after Apply
 * asks for the confirm.
 */
export function ControllerSwitch(props: ScaleFieldProps) {
  const { parameter, shown, deployed, error, disabled, onChange } = props;
  const { key, label } = parameter;
  const on = shown === 'true';
  const labelId = `scale-field-${key}-label`;

  return (
    <div className="min-w-[12rem]">
      <span id={labelId} className="block text-xs font-medium text-slate-700">
        {label}
      </span>
      <div className="mt-1 flex items-center gap-2">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby={labelId}
          data-testid={`scale-${key}`}
          disabled={disabled}
          onClick={() => onChange(on ? 'false' : 'true')}
          className={`relative h-6 w-11 rounded-full transition-colors disabled:opacity-40 ${
            on ? 'bg-emerald-600' : 'bg-slate-400'
          }`}
        >
          <span
            aria-hidden="true"
            className={`absolute top-0.5 h-5 w-5 rounded-full bg-white shadow transition-all ${
              on ? 'left-[1.375rem]' : 'left-0.5'
            }`}
          />
        </button>
        <span className="text-sm text-slate-800">{on ? 'On' : 'Off'}</span>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        Deployed{' '}
        <span data-testid={`scale-${key}-deployed`}>
          {deployed === undefined ? '—' : deployed === 'true' ? 'on' : 'off'}
        </span>
      </p>
      {!on && deployed === 'true' ? (
        <p className="mt-1 max-w-xs text-xs text-amber-800" data-testid={`scale-${key}-warning`}>
          Turning the controller off stops Jenkins and interrupts running builds; you confirm it in
          a review after Apply.
        </p>
      ) : null}
      {error === undefined ? null : (
        <p className="mt-1 text-xs text-red-700" data-testid={`scale-${key}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
