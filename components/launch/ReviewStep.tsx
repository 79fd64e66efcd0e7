import { ChangeSetNotices } from '@/components/change-set/ChangeSetNotices';
import { changeSetReady } from '@/components/change-set/readiness';
import { ReviewDecision } from '@/components/change-set/ReviewDecision';
import type { LaunchProposalView } from '@/lib/stacks/launch-view';
import { Panel } from '../ui/Panel';
import { Pill } from '../ui/Pill';
import { QuickCreateLinkBox } from './QuickCreateLinkBox';

/**
 * Step 2: the CREATE change set CloudFormation prepared: resources to be added by type with
 * counts, then every resource, with Execute and Cancel (which deletes the change set).
 */
export function ReviewStep({
  proposal,
  quickCreateLink,
  busy,
  error,
  onExecute,
  onCancel,
}: {
  proposal: LaunchProposalView;
  /** Undefined when the form came from another template, which a link cannot carry. */
  quickCreateLink: string | undefined;
  busy: 'execute' | 'cancel' | undefined;
  error: string | undefined;
  onExecute: () => void;
  onCancel: () => void;
}) {
  const { changeSet } = proposal;
  const additions = changeSet.countsByType
    .filter((row) => row.action === 'Add')
    .sort((a, b) => b.count - a.count || a.resourceType.localeCompare(b.resourceType));
  const total = additions.reduce((sum, row) => sum + row.count, 0);

  return (
    <div className="space-y-4" data-testid="launch-review">
      <ChangeSetNotices changeSet={changeSet} error={error} errorTestId="launch-error" />

      <Panel title="Resources to be added">
        <p className="mb-3 text-sm text-slate-700">
          Creating stack <strong>{proposal.stackName}</strong> in {proposal.region} adds{' '}
          <strong data-testid="review-total">{total}</strong> resources. Change set{' '}
          <span className="font-mono text-xs">{changeSet.name}</span>.
        </p>
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1 font-semibold">Resource type</th>
              <th className="py-1 text-right font-semibold">Count</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {additions.map((row) => (
              <tr
                key={row.resourceType}
                data-testid="review-count"
                data-resource-type={row.resourceType}
              >
                <td className="py-1 font-mono text-xs">{row.resourceType}</td>
                <td className="py-1 text-right tabular-nums">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>

      <Panel title="Every change">
        <ul
          className="max-h-96 divide-y divide-slate-100 overflow-y-auto text-sm"
          data-testid="review-changes"
        >
          {changeSet.changes.map((change) => (
            <li
              key={change.logicalId}
              className="flex items-center gap-3 py-1"
              data-testid="review-change"
            >
              <Pill tone={change.action === 'Add' ? 'good' : 'warn'}>{change.action}</Pill>
              <span className="font-medium">{change.logicalId}</span>
              <span className="font-mono text-xs text-slate-500">{change.resourceType}</span>
            </li>
          ))}
        </ul>
      </Panel>

      <Panel title="Share">
        {quickCreateLink === undefined ? (
          <p className="text-sm text-slate-600" data-testid="quick-create-unavailable">
            Quick-create links open the bundled template, so none is offered for another template.
          </p>
        ) : (
          <QuickCreateLinkBox link={quickCreateLink} />
        )}
      </Panel>

      <ReviewDecision
        ready={changeSetReady(changeSet)}
        busy={busy === 'cancel' ? 'leave' : busy}
        execute={{
          label: 'Execute: create the stack',
          busyLabel: 'Starting…',
          testId: 'execute-launch',
          onClick: onExecute,
        }}
        leave={{
          label: 'Cancel and edit',
          busyLabel: 'Cancelling…',
          testId: 'cancel-launch',
          onClick: onCancel,
        }}
      />
    </div>
  );
}
