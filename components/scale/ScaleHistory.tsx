import { formatTimestamp } from '@/lib/client/format';
import { DataTable } from '../table/DataTable';
import type { TableColumn } from '../table/columns';
import { Pill } from '../ui/Pill';
import {
  historyBadge,
  historyChangesText,
  historyLine,
  historyReason,
  newestFirst,
} from './history-line';
import type { ScaleHistoryItem } from './outcome';

const HISTORY_COLUMNS: readonly TableColumn<ScaleHistoryItem>[] = [
  {
    id: 'startedAt',
    header: 'When',
    width: '11.5rem',
    cell: (item) => (
      <time dateTime={item.startedAt} className="tabular-nums text-xs">
        {formatTimestamp(item.startedAt)}
      </time>
    ),
  },
  { id: 'user', header: 'Who', width: 'minmax(6rem, 0.8fr)', cell: (item) => item.user },
  {
    id: 'changes',
    header: 'What changed',
    width: 'minmax(12rem, 2fr)',
    cell: (item) => <span title={historyLine(item)}>{historyChangesText(item.changes)}</span>,
  },
  {
    id: 'outcome',
    header: 'Outcome',
    width: 'minmax(10rem, 1.6fr)',
    cell: (item) => {
      const badge = historyBadge(item.outcome);
      const reason = historyReason(item);
      return (
        <span>
          <Pill tone={badge.tone}>{badge.label}</Pill>
          {reason === undefined ? null : (
            <span className="ml-1.5 text-xs text-slate-600">{reason}</span>
          )}
        </span>
      );
    },
  },
];

/**
 * The scale edits of this stack, newest first, as CloudFormation recorded them (request
 * tokens name the person and the changes): who, when, what changed, and how it ended.
 */
export function ScaleHistory({ items }: { items: readonly ScaleHistoryItem[] }) {
  return (
    <DataTable
      columns={HISTORY_COLUMNS}
      rows={newestFirst(items)}
      rowKey={(item) => item.requestToken}
      label="Scale edit history"
      testId="scale-history"
      emptyText="No scale edits recorded for this stack yet."
      minWidth="40rem"
    />
  );
}
