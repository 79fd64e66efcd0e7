import { ParameterForm } from '@/components/forms/ParameterForm';
import { ParameterGroups } from '@/components/forms/ParameterGroups';
import { RefusalBanner } from '@/components/forms/RefusalBanner';
import { CapabilitiesAcknowledgement } from '@/components/launch/CapabilitiesAcknowledgement';
import type { FieldNotice, PickerSource } from '@/components/launch/ParameterField';
import type { ParameterDefinition, ParameterModel } from '@/lib/template';
import { Banner } from '../ui/Banner';
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
    <ParameterForm
      testId="update-form"
      outstanding={problems.outstanding}
      reviewing={reviewing}
      submit={{ label: 'Review changes', testId: 'review-update' }}
      onReview={onReview}
    >
      {banner === undefined ? null : <RefusalBanner testId="update-error">{banner}</RefusalBanner>}

      {dropped.length === 0 ? null : (
        <Banner tone="warn" testId="dropped-parameters">
          The new template no longer has{' '}
          {dropped.length === 1 ? 'this parameter' : 'these parameters'};{' '}
          {dropped.length === 1 ? 'it' : 'they'} will be removed from the stack:{' '}
          <span className="font-mono">{dropped.join(', ')}</span>.
        </Banner>
      )}

      <ParameterGroups
        model={model}
        values={form.values}
        errors={problems.parameters}
        pickers={pickers}
        noticeFor={noticeFor}
        placeholderFor={(parameter) =>
          parameter.noEcho && !form.touched.has(parameter.key) ? 'unchanged' : undefined
        }
        onValue={onValue}
        onTouch={() => {}}
      />

      <CapabilitiesAcknowledgement
        capabilities={capabilities}
        reason={capabilitiesReason}
        acknowledged={form.capabilitiesAcknowledged}
        error={problems.capabilities}
        onChange={onAcknowledge}
      />
    </ParameterForm>
  );
}
