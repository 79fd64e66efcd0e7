import { useEnvironment } from '@/lib/client/swr';
import { CapabilitiesAcknowledgement } from './CapabilitiesAcknowledgement';
import type { LaunchForm, TagRow } from './launch-form';
import { INPUT_CLASS, SECONDARY_BUTTON_CLASS } from './styles';

/**
 * The stack's own settings: its name (AWS's rule), tags, termination protection, rollback on
 * failure, and the explicit acknowledgement of the capabilities the template needs (C29).
 */
export function StackOptions({
  form,
  onChange,
  stackNameError,
  tagErrors,
  capabilities,
  capabilitiesReason,
  capabilitiesError,
}: {
  form: LaunchForm;
  onChange: (change: Partial<LaunchForm>) => void;
  stackNameError: string | undefined;
  tagErrors: Readonly<Record<number, string>>;
  capabilities: readonly string[];
  capabilitiesReason: string | undefined;
  capabilitiesError: string | undefined;
}) {
  const prefix = useEnvironment().data?.stackNamePrefix;
  return (
    <div className="space-y-5">
      <div>
        <label htmlFor="stack-name" className="block text-sm font-medium text-slate-800">
          Stack name
        </label>
        {prefix === undefined ? null : (
          <p className="text-xs text-slate-500" data-testid="stack-name-prefix">
            Starts with <span className="font-mono">{prefix}</span>: the names this dashboard’s IAM
            role may change.
          </p>
        )}
        <input
          id="stack-name"
          type="text"
          spellCheck={false}
          autoComplete="off"
          className={INPUT_CLASS}
          value={form.stackName}
          aria-invalid={stackNameError !== undefined}
          aria-describedby={stackNameError === undefined ? undefined : 'stack-name-error'}
          onChange={(event) => onChange({ stackName: event.target.value })}
        />
        {stackNameError === undefined ? null : (
          <p
            id="stack-name-error"
            role="alert"
            data-testid="field-error-stackName"
            className="mt-1 text-sm text-red-700"
          >
            {stackNameError}
          </p>
        )}
      </div>

      <TagRows rows={form.tags} errors={tagErrors} onChange={(tags) => onChange({ tags })} />

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">On failure and deletion</legend>
        <OptionCheckbox
          label="Roll back on failure"
          hint="Off keeps the resources that were created, to debug them; the stack then needs a delete before it can be launched again."
          checked={form.rollbackOnFailure}
          onChange={(rollbackOnFailure) => onChange({ rollbackOnFailure })}
        />
        <OptionCheckbox
          label="Termination protection"
          hint="The stack cannot be deleted until this is turned off again."
          checked={form.terminationProtection}
          onChange={(terminationProtection) => onChange({ terminationProtection })}
        />
      </fieldset>

      <CapabilitiesAcknowledgement
        capabilities={capabilities}
        reason={capabilitiesReason}
        acknowledged={form.capabilitiesAcknowledged}
        error={capabilitiesError}
        onChange={(capabilitiesAcknowledged) => onChange({ capabilitiesAcknowledged })}
      />
    </div>
  );
}

function OptionCheckbox({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-800">
      <input
        type="checkbox"
        className="mt-0.5"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        {label}
        <span className="block text-xs text-slate-500">{hint}</span>
      </span>
    </label>
  );
}

function TagRows({
  rows,
  errors,
  onChange,
}: {
  rows: readonly TagRow[];
  errors: Readonly<Record<number, string>>;
  onChange: (rows: TagRow[]) => void;
}) {
  const update = (index: number, change: Partial<TagRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));

  return (
    <fieldset data-testid="stack-tags">
      <legend className="text-sm font-medium text-slate-800">Tags</legend>
      <p className="text-xs text-slate-500">
        Applied to the stack and every resource that supports tags.
      </p>
      <ul className="mt-2 space-y-2">
        {rows.map((row, index) => (
          <li key={index}>
            <div className="flex gap-2">
              <label className="flex-1 text-xs text-slate-600">
                Tag {index + 1} key
                <input
                  type="text"
                  className={INPUT_CLASS}
                  value={row.key}
                  aria-invalid={errors[index] !== undefined}
                  onChange={(event) => update(index, { key: event.target.value })}
                />
              </label>
              <label className="flex-1 text-xs text-slate-600">
                Tag {index + 1} value
                <input
                  type="text"
                  className={INPUT_CLASS}
                  value={row.value}
                  onChange={(event) => update(index, { value: event.target.value })}
                />
              </label>
              <button
                type="button"
                className={`${SECONDARY_BUTTON_CLASS} self-end`}
                aria-label={`Remove tag ${index + 1}`}
                onClick={() => onChange(rows.filter((_, at) => at !== index))}
              >
                Remove
              </button>
            </div>
            {errors[index] === undefined ? null : (
              <p
                role="alert"
                data-testid={`tag-error-${index}`}
                className="mt-1 text-sm text-red-700"
              >
                {errors[index]}
              </p>
            )}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={`${SECONDARY_BUTTON_CLASS} mt-2`}
        disabled={rows.length >= 50}
        onClick={() => onChange([...rows, { key: '', value: '' }])}
      >
        Add tag
      </button>
    </fieldset>
  );
}
