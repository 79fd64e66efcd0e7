import type { FormEvent } from 'react';
import type { ParameterModel } from '@/lib/template';
import { Banner } from '../ui/Banner';
import { Panel } from '../ui/Panel';
import type { LaunchForm } from './launch-form';
import type { ShownProblems } from './shown-problems';
import { ParameterField, type PickerSource } from './ParameterField';
import { StackOptions } from './StackOptions';
import { LINK_CLASS, PRIMARY_BUTTON_CLASS } from './styles';

/**
 * Step 1: the parameter form generated from the template's model (groups in order, each field
 * with its label, description and message) and the stack options. Review stays disabled while
 * anything is wrong, and says which fields are still to fix.
 */
export function ParametersStep({
  model,
  form,
  problems,
  pickers,
  capabilities,
  capabilitiesReason,
  ignoredQuickCreate,
  banner,
  existingStackPath,
  reviewing,
  onValue,
  onTouch,
  onOptions,
  onReview,
}: {
  model: ParameterModel;
  form: LaunchForm;
  problems: ShownProblems;
  pickers: PickerSource;
  capabilities: readonly string[];
  capabilitiesReason: string | undefined;
  ignoredQuickCreate: readonly string[];
  banner: string | undefined;
  /** The stack page of a stack already holding the chosen name, to delete or open it. */
  existingStackPath: string | undefined;
  reviewing: boolean;
  onValue: (key: string, value: string) => void;
  onTouch: (key: string) => void;
  onOptions: (change: Partial<LaunchForm>) => void;
  onReview: () => void;
}) {
  const blocked = problems.outstanding.length > 0;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!blocked && !reviewing) onReview();
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="launch-form">
      {ignoredQuickCreate.length === 0 ? null : (
        <Banner tone="warn" testId="quick-create-ignored">
          The link set {ignoredQuickCreate.join(', ')}, which{' '}
          {ignoredQuickCreate.length === 1 ? 'was' : 'were'} ignored: links never carry secret
          (NoEcho) values, and the template has no other parameter by that name. Enter secrets here.
        </Banner>
      )}
      {banner === undefined ? null : (
        <Banner tone="bad" alert testId="launch-error">
          {banner}
          {existingStackPath === undefined ? null : (
            <>
              {' '}
              <a href={existingStackPath} className={LINK_CLASS} data-testid="existing-stack-link">
                Open that stack
              </a>
            </>
          )}
        </Banner>
      )}

      {model.groups.map((group) => (
        <Panel key={group.label} title={group.label}>
          <div className="grid gap-4 md:grid-cols-2">
            {group.parameters.map((parameter) => (
              <ParameterField
                key={parameter.key}
                parameter={parameter}
                value={form.values[parameter.key] ?? ''}
                error={problems.parameters[parameter.key]}
                pickers={pickers}
                onChange={(value) => onValue(parameter.key, value)}
                onBlur={() => onTouch(parameter.key)}
              />
            ))}
          </div>
        </Panel>
      ))}

      <Panel title="Stack options">
        <StackOptions
          form={form}
          onChange={onOptions}
          stackNameError={problems.stackName}
          tagErrors={problems.tags}
          capabilities={capabilities}
          capabilitiesReason={capabilitiesReason}
          capabilitiesError={problems.capabilities}
        />
      </Panel>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className={PRIMARY_BUTTON_CLASS}
          disabled={blocked || reviewing}
          data-testid="review-launch"
        >
          {reviewing ? 'Creating the change set…' : 'Review change set'}
        </button>
        {blocked ? (
          <p className="text-sm text-slate-600" data-testid="outstanding-fields">
            Still to fix: {problems.outstanding.join(', ')}.
          </p>
        ) : null}
      </div>
    </form>
  );
}
