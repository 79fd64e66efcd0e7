import { formatTimestamp } from '@/lib/client/format';
import type { DeploymentView, TargetView, TaskView } from '@/lib/status/types';
import type { TableColumn } from '../table/columns';
import { Pill } from '../ui/Pill';
import { TimeAgo } from '../ui/TimeAgo';
import { lifecycleTone } from '../status/tones';
import { taskDefinitionLabel } from './arn';

const muted = <span className="text-slate-400">—</span>;

/** The controller service's deployments: which task definition, how far its rollout got. */
export const DEPLOYMENT_COLUMNS: readonly TableColumn<DeploymentView>[] = [
  {
    id: 'status',
    header: 'Deployment',
    width: '7rem',
    sortValue: (row) => row.status,
    cell: (row) => <Pill tone={row.status === 'PRIMARY' ? 'good' : 'neutral'}>{row.status}</Pill>,
  },
  {
    id: 'rollout',
    header: 'Rollout',
    width: '8rem',
    sortValue: (row) => row.rolloutState,
    cell: (row) =>
      row.rolloutState === undefined ? (
        muted
      ) : (
        <Pill tone={lifecycleTone(row.rolloutState)} testId="deployment-rollout-state">
          {row.rolloutState}
        </Pill>
      ),
  },
  {
    id: 'reason',
    header: 'Reason',
    width: 'minmax(14rem, 3fr)',
    cell: (row) => row.rolloutStateReason ?? muted,
  },
  {
    id: 'taskDefinition',
    header: 'Task definition',
    width: 'minmax(10rem, 1.5fr)',
    sortValue: (row) => row.taskDefinition,
    cell: (row) => (
      <span className="font-mono text-xs" title={row.taskDefinition}>
        {taskDefinitionLabel(row.taskDefinition)}
      </span>
    ),
  },
  {
    id: 'tasks',
    header: 'Desired / running / pending',
    width: '11rem',
    cell: (row) => (
      <span className="tabular-nums">
        {row.desired} / {row.running} / {row.pending}
        {row.failedTasks > 0 ? (
          <span className="ml-1 text-red-700">({row.failedTasks} failed)</span>
        ) : null}
      </span>
    ),
  },
  {
    id: 'createdAt',
    header: 'Started',
    width: '8rem',
    sortValue: (row) => row.createdAt,
    cell: (row) => <TimeAgo at={row.createdAt} />,
  },
];

/** The controller's ECS tasks: running ones and recently stopped ones with the reason. */
export const TASK_COLUMNS: readonly TableColumn<TaskView>[] = [
  {
    id: 'id',
    header: 'Task',
    width: 'minmax(17rem, 1.2fr)',
    sortValue: (row) => row.id,
    cell: (row) => <span className="font-mono text-xs">{row.id}</span>,
  },
  {
    id: 'lastStatus',
    header: 'Last status',
    width: '8rem',
    sortValue: (row) => row.lastStatus,
    cell: (row) => (
      <span title={`desired ${row.desiredStatus}`}>
        <Pill tone={lifecycleTone(row.lastStatus)}>{row.lastStatus}</Pill>
      </span>
    ),
  },
  {
    id: 'health',
    header: 'Health',
    width: '7rem',
    sortValue: (row) => row.healthStatus,
    cell: (row) =>
      row.healthStatus === undefined ? (
        muted
      ) : (
        <Pill tone={lifecycleTone(row.healthStatus)}>{row.healthStatus}</Pill>
      ),
  },
  {
    id: 'startedAt',
    header: 'Started',
    width: '8rem',
    sortValue: (row) => row.startedAt,
    cell: (row) => <TimeAgo at={row.startedAt} />,
  },
  {
    id: 'stoppedReason',
    header: 'Stopped reason',
    width: 'minmax(14rem, 3fr)',
    sortValue: (row) => row.stoppedReason,
    cell: (row) =>
      row.stoppedReason === undefined ? (
        muted
      ) : (
        <span className="text-red-800" title={formatTimestamp(row.stoppedAt)}>
          {row.stoppedReason}
        </span>
      ),
  },
  {
    id: 'privateIp',
    header: 'Private IP',
    width: '8rem',
    sortValue: (row) => row.privateIp,
    cell: (row) => <span className="font-mono text-xs">{row.privateIp ?? '—'}</span>,
  },
  {
    id: 'taskDefinition',
    header: 'Task definition',
    width: 'minmax(9rem, 1fr)',
    sortValue: (row) => row.taskDefinition,
    cell: (row) => (
      <span className="font-mono text-xs" title={row.taskDefinition}>
        {taskDefinitionLabel(row.taskDefinition)}
      </span>
    ),
  },
];

/** The load balancer's view of the controller: each target's state and why. */
export const TARGET_COLUMNS: readonly TableColumn<TargetView>[] = [
  {
    id: 'id',
    header: 'Target',
    width: 'minmax(9rem, 1fr)',
    sortValue: (row) => row.id,
    cell: (row) => (
      <span className="font-mono text-xs">
        {row.id}
        {row.port === undefined ? '' : `:${row.port}`}
      </span>
    ),
  },
  {
    id: 'state',
    header: 'State',
    width: '7.5rem',
    sortValue: (row) => row.state,
    cell: (row) => (
      <Pill tone={lifecycleTone(row.state)} testId="target-state">
        {row.state}
      </Pill>
    ),
  },
  {
    id: 'reason',
    header: 'Reason',
    width: 'minmax(12rem, 1.5fr)',
    sortValue: (row) => row.reason,
    cell: (row) =>
      row.reason === undefined ? muted : <span className="font-mono text-xs">{row.reason}</span>,
  },
  {
    id: 'description',
    header: 'Description',
    width: 'minmax(14rem, 3fr)',
    cell: (row) => row.description ?? muted,
  },
];
