import type { ResourceChangeView } from '@/lib/stacks/change-set-view';
import { DataTable } from '../table/DataTable';
import type { TableColumn } from '../table/columns';
import { Pill } from '../ui/Pill';
import type { NeedsConfirmation } from './edit-state';
import type { ScaleValues } from './edits';
import { replacementText, reviewWarnings } from './review';

const CHANGE_COLUMNS: readonly TableColumn<ResourceChangeView>[] = [
  {
    id: 'logicalId',
    header: 'Resource',
    width: 'minmax(10rem, 1.4fr)',
    cell: (change) => <span className="font-mono text-xs">{change.logicalId}</span>,
  },
  {
    id: 'resourceType',
    header: 'Type',
    width: 'minmax(12rem, 1.6fr)',
    cell: (change) => <span className="font-mono text-xs">{change.resourceType}</span>,
  },
  { id: 'action', header: 'Action', width: '6rem', cell: (change) => change.action },
  {
    id: 'replacement',
    header: 'Replacement',
    width: '7rem',
    cell: (change) => {
      const text = replacementText(change);
      return text === 'Yes' || text === 'Maybe' ? (
        <Pill tone={text === 'Yes' ? 'bad' : 'warn'}>{text}</Pill>
      ) : (
        text
      );
    },
  },
];

/**
 * The review of a change set that cannot run in one click: every resource change with its
 * replacement flag, the plain warnings (controller restart or shutdown with the builds it
 * interrupts, replaced resources), and Confirm, which resends the same attempt with
 * `confirm: true`, or Cancel.
 */
export function ScaleReview({
  review,
  changes,
  seen,
  onConfirm,
  onCancel,
}: {
  review: NeedsConfirmation;
  changes: ScaleValues;
  seen: ScaleValues;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const warnings = reviewWarnings(review, changes, seen);
  return (
    <div
      role="region"
      aria-label="Review the scale edit"
      data-testid="scale-review"
      className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3"
    >
      <h3 className="text-sm font-semibold text-amber-950">Review before applying</h3>
      <p className="mt-1 text-xs text-amber-900">
        Change set <span className="font-mono">{review.changeSet.name}</span> does more than change
        scale limits in place, so it waits for your confirmation.
      </p>
      {warnings.length === 0 ? null : (
        <ul
          className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-950"
          data-testid="scale-review-warnings"
        >
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <div className="mt-3">
        <DataTable
          columns={CHANGE_COLUMNS}
          rows={review.changeSet.changes}
          rowKey={(change) => change.logicalId}
          label="Resource changes"
          testId="scale-review-changes"
          emptyText="The change set lists no resource changes."
          minWidth="36rem"
        />
      </div>
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          data-testid="scale-confirm"
          onClick={onConfirm}
          className="rounded bg-amber-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-800"
        >
          Confirm and apply
        </button>
        <button
          type="button"
          data-testid="scale-cancel"
          onClick={onCancel}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50"
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
