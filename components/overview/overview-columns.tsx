import Link from 'next/link';
import { stackPagePath } from '@/lib/client/keys';
import type { OverviewResponse } from '@/lib/stacks/views';
import type { TableColumn } from '../table/columns';
import { StackStatusBadge } from '../status/StackStatusBadge';
import { VerdictBadge } from '../status/VerdictBadge';
import { Pill } from '../ui/Pill';
import { TimeAgo } from '../ui/TimeAgo';

/** A stack as the overview lists it. */
export type OverviewStack = OverviewResponse['stacks'][number];

const VERDICT_RANK = { Down: 0, Degraded: 1, Unknown: 2, Progressing: 3, Healthy: 4 } as const;

/** The overview's columns; verdict sorts worst first ascending, so trouble rises to the top. */
export const OVERVIEW_COLUMNS: readonly TableColumn<OverviewStack>[] = [
  {
    id: 'name',
    header: 'Stack',
    width: 'minmax(12rem, 1.5fr)',
    sortValue: (stack) => stack.name,
    cell: (stack) => (
      <Link
        href={stackPagePath(stack.name, stack.region)}
        className="font-medium text-sky-800 hover:underline"
        data-testid="overview-stack-link"
      >
        {stack.name}
      </Link>
    ),
  },
  {
    id: 'region',
    header: 'Region',
    width: '8rem',
    sortValue: (stack) => stack.region,
    cell: (stack) => stack.region,
  },
  {
    id: 'verdict',
    header: 'Verdict',
    width: 'minmax(14rem, 2.5fr)',
    sortValue: (stack) => VERDICT_RANK[stack.verdict.level],
    cell: (stack) => (
      <span className="flex flex-wrap items-center gap-1.5">
        <VerdictBadge verdict={stack.verdict} testId="overview-verdict" />
        {stack.stale ? (
          <Pill tone="neutral" title="The last refresh failed; this is older data.">
            stale
          </Pill>
        ) : null}
        <span className="text-xs text-slate-600">{stack.verdict.summary}</span>
      </span>
    ),
  },
  {
    id: 'status',
    header: 'Stack status',
    width: '13rem',
    sortValue: (stack) => stack.status,
    cell: (stack) => (
      <span title={stack.statusReason}>
        <StackStatusBadge status={stack.status} testId="overview-status" />
      </span>
    ),
  },
  {
    id: 'jenkins',
    header: 'Jenkins',
    width: 'minmax(12rem, 2fr)',
    sortValue: (stack) => stack.jenkinsUrl,
    cell: (stack) =>
      stack.jenkinsUrl === undefined ? (
        <span className="text-slate-400">—</span>
      ) : (
        <a
          href={stack.jenkinsUrl}
          target="_blank"
          rel="noopener noreferrer"
          className="break-all text-sky-700 underline underline-offset-2 hover:text-sky-900"
        >
          {stack.jenkinsUrl}
        </a>
      ),
  },
  {
    id: 'updated',
    header: 'Updated',
    width: '8rem',
    sortValue: (stack) => {
      const at = Date.parse(stack.updatedAt ?? stack.createdAt ?? '');
      return Number.isFinite(at) ? -at : undefined;
    },
    cell: (stack) => <TimeAgo at={stack.updatedAt ?? stack.createdAt} />,
  },
];
