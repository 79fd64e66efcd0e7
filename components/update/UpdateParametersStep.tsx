import type { FormEvent } from 'react';
import { CapabilitiesAcknowledgement } from '@/components/launch/CapabilitiesAcknowledgement';
import {
  ParameterField,
  type FieldNotice,
  type PickerSource,
} from '@/components/launch/ParameterField';
import { PRIMARY_BUTTON_CLASS } from '@/components/launch/styles';
import type { ParameterDefinition, ParameterModel } from '@/lib/template';
import { Banner } from '../ui/Banner';
import { Panel } from '../ui/Panel';
import type { UpdateForm } from './update-form';
import type { ShownUpdateProblems } from './shown-update-problems';

/**
 * The update form: the template's parameters in their groups with the deployed values, NoEcho
 * fields blank and "unchanged" until typed into, new parameters marked, the parameters a new
 * template drops listed, and the capabilities to acknowledge. Review stays disabled while
 * anything blocks it.
 */
export function UpdateParametersStep({
  model,
  form,
  problems,
  pickers,
  added,
  dropped,
  capabilities,
  capabilitiesReason,
  banner,
  reviewing,
  onValue,
  onKeepUnchanged,
  onAcknowledge,
  onReview,
}: {
  model: ParameterModel;
  form: UpdateForm;
  problems: ShownUpdateProblems;
  pickers: PickerSource;
  /** Keys the deployed template does not have. */
  added: ReadonlySet<string>;
  dropped: readonly string[];
  capabilities: readonly string[];
  capabilitiesReason: string | undefined;
  banner: string | undefined;
  reviewing: boolean;
  onValue: (key: string, value: string) => void;
  onKeepUnchanged: (key: string) => void;
  onAcknowledge: (acknowledged: boolean) => void;
  onReview: () => void;
}) {
  const blocked = problems.outstanding.length > 0;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!blocked && !reviewing) onReview();
  };

  const noticeFor = (parameter: ParameterDefinition): FieldNotice | undefined => {
    const { key } = parameter;
    if (added.has(key)) {
      return {
        testId: `new-parameter-${key}`,
        text:
          parameter.default === undefined
            ? 'New in this template, with no default: enter a value.'
            : `New in this template; its default is ${parameter.default === '' ? 'blank' : parameter.default}.`,
      };
    }
    if (!parameter.noEcho) return undefined;
    if (!form.touched.has(key)) {
      return {
        testId: `noecho-unchanged-${key}`,
        text: 'Unchanged: the current secret is kept. Type a new value to replace it.',
      };
    }
    return {
      testId: `noecho-changed-${key}`,
      text: (
        <>
          A new value will be sent.{' '}
          <button type="button" className="underline" onClick={() => onKeepUnchanged(key)}>
            Keep the current value instead
          </button>
        </>
      ),
    };
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="update-form">
      {banner === undefined ? null : (
        <Banner tone="bad" alert testId="update-error">
          {banner}
        </Banner>
      )}

      {dropped.length === 0 ? null : (
        <Banner tone="warn" testId="dropped-parameters">
          The new template no longer has{' '}
          {dropped.length === 1 ? 'this parameter' : 'these parameters'};{' '}
          {dropped.length === 1 ? 'it' : 'they'} will be removed from the stack:{' '}
          <span className="font-mono">{dropped.join(', ')}</span>.
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
                notice={noticeFor(parameter)}
                placeholder={
                  parameter.noEcho && !form.touched.has(parameter.key) ? 'unchanged' : undefined
                }
                onChange={(value) => onValue(parameter.key, value)}
                onBlur={() => {}}
              />
            ))}
          </div>
        </Panel>
      ))}

      <CapabilitiesAcknowledgement
        capabilities={capabilities}
        reason={capabilitiesReason}
        acknowledged={form.capabilitiesAcknowledged}
        error={problems.capabilities}
        onChange={onAcknowledge}
      />

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className={PRIMARY_BUTTON_CLASS}
          disabled={blocked || reviewing}
          data-testid="review-update"
        >
          {reviewing ? 'Creating the change set…' : 'Review changes'}
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
