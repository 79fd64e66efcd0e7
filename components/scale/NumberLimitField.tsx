import type { ParameterDefinition } from '@/lib/template';
import { constraintHint } from './fields';
import { canStep, presetValues, stepValue } from './stepper';

/** What every scale field is given by the panel. */
export interface ScaleFieldProps {
  readonly parameter: ParameterDefinition;
  /** What the field shows: the person's draft, or the deployed value. */
  readonly shown: string;
  readonly deployed: string | undefined;
  readonly error: string | undefined;
  /** Advice that does not block Apply (for example warm agents above the cap). */
  readonly advice: string | undefined;
  readonly disabled: boolean;
  readonly onChange: (raw: string) => void;
}

const stepButton =
  'h-8 w-8 rounded border border-slate-300 bg-white text-base font-semibold text-slate-700 ' +
  'hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40';

/**
 * A whole-number scale limit: − and + within MinValue..MaxValue, one-click presets, and
 * direct input checked as the person types (a text box, so `1e2` or `12.5` is seen as typed
 * and refused with the template's words rather than silently coerced by the browser).
 */
export function NumberLimitField(props: ScaleFieldProps) {
  const { parameter, shown, deployed, error, advice, disabled, onChange } = props;
  const { key, label } = parameter;
  const inputId = `scale-field-${key}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const hint = constraintHint(parameter);
  const presets = presetValues(parameter);

  return (
    <div className="min-w-[14rem]">
      <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1 flex items-center gap-1.5">
        <button
          type="button"
          className={stepButton}
          aria-label={`Decrease ${label}`}
          data-testid={`scale-${key}-decrease`}
          disabled={disabled || !canStep(parameter, shown, deployed, -1)}
          onClick={() => onChange(stepValue(parameter, shown, deployed, -1))}
        >
          −
        </button>
        <input
          id={inputId}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={shown}
          disabled={disabled}
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? hintId : `${errorId} ${hintId}`}
          data-testid={`scale-${key}`}
          onChange={(event) => onChange(event.target.value)}
          className={`h-8 w-20 rounded border px-2 text-right tabular-nums ${
            error === undefined ? 'border-slate-300' : 'border-red-500 ring-1 ring-red-500'
          } disabled:bg-slate-100`}
        />
        <button
          type="button"
          className={stepButton}
          aria-label={`Increase ${label}`}
          data-testid={`scale-${key}-increase`}
          disabled={disabled || !canStep(parameter, shown, deployed, 1)}
          onClick={() => onChange(stepValue(parameter, shown, deployed, 1))}
        >
          +
        </button>
        {presets.length === 0 ? null : (
          <div role="group" aria-label={`${label} presets`} className="ml-2 flex gap-1">
            {presets.map((value) => (
              <button
                key={value}
                type="button"
                aria-label={`Set ${label} to ${value}`}
                aria-pressed={shown.trim() === value}
                data-testid={`scale-${key}-preset-${value}`}
                disabled={disabled}
                onClick={() => onChange(value)}
                className="h-7 rounded border border-slate-300 px-2 text-xs text-slate-700 hover:bg-slate-50 aria-pressed:border-sky-600 aria-pressed:bg-sky-50 aria-pressed:text-sky-900 disabled:opacity-40"
              >
                {value}
              </button>
            ))}
          </div>
        )}
      </div>
      <p id={hintId} className="mt-1 text-xs text-slate-500">
        Deployed <span data-testid={`scale-${key}-deployed`}>{deployed ?? '—'}</span>
        {hint === undefined ? null : ` · ${hint}`}
      </p>
      {error === undefined ? null : (
        <p id={errorId} className="mt-1 text-xs text-red-700" data-testid={`scale-${key}-error`}>
          {error}
        </p>
      )}
      {advice === undefined ? null : (
        <p className="mt-1 text-xs text-amber-800" data-testid={`scale-${key}-advice`}>
          {advice}
        </p>
      )}
    </div>
  );
}
