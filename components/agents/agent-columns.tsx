import type { AgentView } from '@/lib/status/types';
import type { TableColumn } from '../table/columns';
import { Pill } from '../ui/Pill';
import { TimeAgo } from '../ui/TimeAgo';
import { lifecycleTone } from '../status/tones';

const ACTIVITY_TONE = {
  busy: 'moving',
  idle: 'good',
  offline: 'warn',
  unknown: 'neutral',
} as const;

function launchTime(agent: AgentView): number | undefined {
  if (agent.launchedAt === undefined) return undefined;
  const at = Date.parse(agent.launchedAt);
  return Number.isFinite(at) ? at : undefined;
}

/** An IPv4 address as one number, so 10.0.0.9 sorts before 10.0.0.10. */
export function ipv4SortValue(ip: string | undefined): number | string | undefined {
  if (ip === undefined) return undefined;
  const parts = ip.split('.').map(Number);
  if (
    parts.length !== 4 ||
    parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)
  ) {
    return ip;
  }
  return parts.reduce((total, part) => total * 256 + part, 0);
}

function flagLabels(agent: AgentView): string[] {
  const flags: string[] = [];
  if (agent.possiblyOrphaned) flags.push('possibly orphaned');
  if (!agent.countsAgainstCap && agent.state !== 'terminated' && agent.state !== 'shutting-down') {
    flags.push('not counted');
  }
  return flags;
}

/**
 * The agent table's columns, declared once: ages tick through the page clock, not through
 * the columns. Age sorts by launch time, youngest first ascending.
 */
export const AGENT_COLUMNS: readonly TableColumn<AgentView>[] = [
  {
    id: 'instanceId',
    header: 'Instance',
    width: 'minmax(11rem, 1.3fr)',
    sortValue: (agent) => agent.instanceId,
    cell: (agent) => <span className="font-mono text-xs">{agent.instanceId}</span>,
  },
  {
    id: 'state',
    header: 'State',
    width: '7.5rem',
    sortValue: (agent) => agent.state,
    cell: (agent) => <Pill tone={lifecycleTone(agent.state)}>{agent.state}</Pill>,
  },
  {
    id: 'instanceType',
    header: 'Type',
    width: '7rem',
    sortValue: (agent) => agent.instanceType,
    cell: (agent) => agent.instanceType,
  },
  {
    id: 'availabilityZone',
    header: 'AZ',
    width: '7rem',
    sortValue: (agent) => agent.availabilityZone,
    cell: (agent) => agent.availabilityZone ?? '—',
  },
  {
    id: 'age',
    header: 'Age',
    width: '6rem',
    align: 'end',
    sortValue: (agent) => {
      const at = launchTime(agent);
      return at === undefined ? undefined : -at;
    },
    cell: (agent) => <TimeAgo at={agent.launchedAt} bare />,
  },
  {
    id: 'privateIp',
    header: 'Private IP',
    width: '8rem',
    sortValue: (agent) => ipv4SortValue(agent.privateIp),
    cell: (agent) => <span className="font-mono text-xs">{agent.privateIp ?? '—'}</span>,
  },
  {
    id: 'nodeName',
    header: 'Jenkins node',
    width: 'minmax(10rem, 1.5fr)',
    sortValue: (agent) => agent.nodeName,
    cell: (agent) => (
      <span title={agent.nodeName}>
        {agent.nodeName ?? <span className="text-slate-400">none</span>}
      </span>
    ),
  },
  {
    id: 'activity',
    header: 'Busy/idle',
    width: '6.5rem',
    sortValue: (agent) => agent.activity,
    cell: (agent) => <Pill tone={ACTIVITY_TONE[agent.activity]}>{agent.activity}</Pill>,
  },
  {
    id: 'flags',
    header: 'Flags',
    width: 'minmax(9rem, 1fr)',
    // Flagged agents first when sorted ascending: they are what the person came for.
    sortValue: (agent) => (flagLabels(agent).length > 0 ? flagLabels(agent).join(', ') : undefined),
    cell: (agent) => (
      <span className="flex gap-1">
        {flagLabels(agent).map((flag) => (
          <Pill key={flag} tone="warn">
            {flag}
          </Pill>
        ))}
      </span>
    ),
  },
];
