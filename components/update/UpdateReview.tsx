import { ChangeSetNotices } from '@/components/change-set/ChangeSetNotices';
import { changeSetReady } from '@/components/change-set/readiness';
import { ReviewDecision } from '@/components/change-set/ReviewDecision';
import type { SsmResolution } from '@/components/launch/ssm-lookups';
import type { ChangeSetSafety, ChangeSetView } from '@/lib/stacks/change-set-view';
import { Banner } from '../ui/Banner';
import { Panel } from '../ui/Panel';
import { Pill } from '../ui/Pill';
import { replacementCell } from './update-review';

/**
 * The review of an UPDATE change set: a red warning when the Jenkins controller restarts, the
 * resources to be replaced (with the SSM note of C12), every change with its action and
 * replacement flag, then Execute or back to the form.
 */
export function UpdateReview({
  changeSet,
  safety,
  ssmParameters,
  ssm,
  busy,
  error,
  onExecute,
  onBack,
}: {
  changeSet: ChangeSetView;
  safety: ChangeSetSafety;
  /** SSM-typed value parameters of the template, resolved again by this update. */
  ssmParameters: readonly string[];
  ssm: Readonly<Record<string, SsmResolution>>;
  busy: boolean;
  error: string | undefined;
  onExecute: () => void;
  onBack: () => void;
}) {
  return (
    <div className="space-y-4" data-testid="update-review">
      <ChangeSetNotices changeSet={changeSet} error={error} errorTestId="update-error" />
      {safety.controllerRestarts ? (
        <Banner tone="bad" alert testId="update-controller-restart">
          <strong>Jenkins controller will restart; running builds are interrupted.</strong> This
          update changes the controller&apos;s task definition or service.
        </Banner>
      ) : null}
      {safety.replacements.length === 0 ? null : (
        <Banner tone="warn" testId="update-replacements">
          <p>
            Replaced (a new resource takes the old one&apos;s place):{' '}
            <span className="font-mono">{safety.replacements.join(', ')}</span>.
          </p>
          {ssmParameters.length === 0 ? null : <SsmNote keys={ssmParameters} ssm={ssm} />}
        </Banner>
      )}
      {safety.replacements.length === 0 && ssmParameters.length > 0 ? (
        <p className="text-sm text-slate-600" data-testid="update-ssm-note">
          <SsmNote keys={ssmParameters} ssm={ssm} />
        </p>
      ) : null}

      <Panel title="Changes">
        <p className="mb-3 text-sm text-slate-700">
          Change set <span className="font-mono text-xs">{changeSet.name}</span>:{' '}
          {changeSet.changes.length} resource{changeSet.changes.length === 1 ? '' : 's'} change.
        </p>
        <table className="w-full text-left text-sm" data-testid="update-changes">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1 font-semibold">Action</th>
              <th className="py-1 font-semibold">Resource</th>
              <th className="py-1 font-semibold">Type</th>
              <th className="py-1 font-semibold">Replacement</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {changeSet.changes.map((change) => {
              const cell = replacementCell(change);
              return (
                <tr
                  key={change.logicalId}
                  data-testid="update-change"
                  data-action={change.action}
                  data-replacement={change.replacement ?? ''}
                >
                  <td className="py-1">
                    <Pill tone={change.action === 'Modify' ? 'moving' : 'warn'}>
                      {change.action}
                    </Pill>
                  </td>
                  <td className="py-1 font-medium">{change.logicalId}</td>
                  <td className="py-1 font-mono text-xs text-slate-500">{change.resourceType}</td>
                  <td className="py-1">
                    <Pill tone={cell.tone}>{cell.text}</Pill>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Panel>

      <ReviewDecision
        ready={changeSetReady(changeSet)}
        busy={busy ? 'execute' : undefined}
        execute={{
          label: 'Execute: update the stack',
          busyLabel: 'Starting…',
          testId: 'update-execute',
          onClick: onExecute,
        }}
        leave={{ label: 'Back to the form', testId: 'update-back', onClick: onBack }}
      />
    </div>
  );
}

function SsmNote({
  keys,
  ssm,
}: {
  keys: readonly string[];
  ssm: Readonly<Record<string, SsmResolution>>;
}) {
  const resolved = keys.map((key) => {
    const resolution = ssm[key];
    return resolution?.state === 'found' ? `${key} (now ${resolution.value})` : key;
  });
  return (
    <span className="mt-1 block">
      CloudFormation resolves {resolved.join(', ')} from SSM again on every update, even when the
      value is kept: if the SSM parameter now names a newer image, resources using it change too.
    </span>
  );
}
