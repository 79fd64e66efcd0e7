import { ParameterForm } from '@/components/forms/ParameterForm';
import { ParameterGroups } from '@/components/forms/ParameterGroups';
import { RefusalBanner } from '@/components/forms/RefusalBanner';
import type { ParameterModel } from '@/lib/template';
import { Banner } from '../ui/Banner';
import { Panel } from '../ui/Panel';
import type { LaunchForm } from './launch-form';
import type { PickerSource } from './ParameterField';
import type { ShownProblems } from './shown-problems';
import { StackOptions } from './StackOptions';
import { LINK_CLASS } from './styles';

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
  return (
    <ParameterForm
      testId="launch-form"
      outstanding={problems.outstanding}
      reviewing={reviewing}
      submit={{ label: 'Review change set', testId: 'review-launch' }}
      onReview={onReview}
    >
      {ignoredQuickCreate.length === 0 ? null : (
        <Banner tone="warn" testId="quick-create-ignored">
          The link set {ignoredQuickCreate.join(', ')}, which{' '}
          {ignoredQuickCreate.length === 1 ? 'was' : 'were'} ignored: links never carry secret
          (NoEcho) values, and the template has no other parameter by that name. Enter secrets here.
        </Banner>
      )}
      {banner === undefined ? null : (
        <RefusalBanner testId="launch-error">
          {banner}
          {existingStackPath === undefined ? null : (
            <>
              {' '}
              <a href={existingStackPath} className={LINK_CLASS} data-testid="existing-stack-link">
                Open that stack
              </a>
            </>
          )}
        </RefusalBanner>
      )}

      <ParameterGroups
        model={model}
        values={form.values}
        errors={problems.parameters}
        pickers={pickers}
        onValue={onValue}
        onTouch={onTouch}
      />

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
    </ParameterForm>
  );
}
