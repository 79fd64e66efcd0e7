import type { LaunchProposalView } from '@/lib/stacks/launch-view';
import { Banner } from '../ui/Banner';
import { Panel } from '../ui/Panel';
import { Pill } from '../ui/Pill';
import { QuickCreateLinkBox } from './QuickCreateLinkBox';
import { PRIMARY_BUTTON_CLASS, SECONDARY_BUTTON_CLASS } from './styles';

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
  const ready = changeSet.status === 'CREATE_COMPLETE' && changeSet.executionStatus === 'AVAILABLE';

  return (
    <div className="space-y-4" data-testid="launch-review">
      {error === undefined ? null : (
        <Banner tone="bad" alert testId="launch-error">
          {error}
        </Banner>
      )}
      {ready ? null : (
        <Banner tone="warn" testId="change-set-not-ready">
          The change set is {changeSet.status} ({changeSet.executionStatus})
          {changeSet.statusReason === undefined ? '.' : `: ${changeSet.statusReason}`}
        </Banner>
      )}

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

      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={PRIMARY_BUTTON_CLASS}
          disabled={!ready || busy !== undefined}
          onClick={onExecute}
          data-testid="execute-launch"
        >
          {busy === 'execute' ? 'Starting…' : 'Execute: create the stack'}
        </button>
        <button
          type="button"
          className={SECONDARY_BUTTON_CLASS}
          disabled={busy !== undefined}
          onClick={onCancel}
          data-testid="cancel-launch"
        >
          {busy === 'cancel' ? 'Cancelling…' : 'Cancel and edit'}
        </button>
      </div>
    </div>
  );
}
