import type { AgentPoolView, AgentStartTimes, PoolSample } from '@/lib/status/types';
import { Panel } from '../ui/Panel';
import { Pill } from '../ui/Pill';
import { Stat } from '../ui/Stat';
import { lifecycleTone } from '../status/tones';
import { AgentTable } from './AgentTable';
import { stateCounts } from './agent-filter';
import { headroomText, usedFraction } from './headroom';
import { AgentStartTimesNote, PoolChart } from './PoolChart';

function UsageBar({ pool }: { pool: AgentPoolView }) {
  const fraction = usedFraction(pool);
  if (fraction === undefined || pool.cap === undefined) return null;
  const over = pool.counted > pool.cap;
  return (
    <div
      role="meter"
      aria-label="Agents used against the instance cap"
      aria-valuemin={0}
      aria-valuemax={pool.cap}
      aria-valuenow={pool.counted}
      className="mt-2 h-2 w-full max-w-md overflow-hidden rounded bg-slate-200"
    >
      <div
        className={`h-full ${over ? 'bg-red-500' : fraction >= 1 ? 'bg-amber-500' : 'bg-sky-500'}`}
        style={{ width: `${Math.round(fraction * 100)}%` }}
      />
    </div>
  );
}

/**
 * The EC2 agent pool: what counts against the cap and how much room is left (counted the way
 * the EC2 plugin counts), instances by state, mismatches between EC2 and Jenkins, and the
 * table of every agent.
 */
export function AgentPoolPanel({
  pool,
  history = [],
  startTimes,
}: {
  pool: AgentPoolView;
  history?: readonly PoolSample[];
  startTimes?: AgentStartTimes | undefined;
}) {
  const orphaned = pool.agents.filter((agent) => agent.possiblyOrphaned).length;
  const settings = [
    pool.instanceType === undefined ? undefined : `type ${pool.instanceType}`,
    pool.warm === undefined ? undefined : `${pool.warm} warm`,
    pool.idleMinutes === undefined ? undefined : `idle timeout ${pool.idleMinutes} min`,
  ].filter((part) => part !== undefined);

  return (
    <Panel
      title="Agent pool"
      testId="agent-pool"
      actions={
        settings.length === 0 ? undefined : (
          <span className="text-xs text-slate-500">{settings.join(' · ')}</span>
        )
      }
    >
      <dl className="flex flex-wrap gap-x-8 gap-y-3">
        <Stat label="Counted against cap" value={pool.counted} testId="agent-counted" />
        <Stat label="Instance cap" value={pool.cap ?? '—'} testId="agent-cap" />
        <Stat
          label="Free"
          value={pool.headroom ?? '—'}
          testId="agent-free"
          hint={<span data-testid="agent-headroom">{headroomText(pool)}</span>}
        />
        <div>
          <dt className="text-xs text-slate-500">By state</dt>
          <dd className="mt-1 flex flex-wrap gap-1.5" data-testid="agent-counts">
            {stateCounts(pool).length === 0 ? (
              <span className="text-sm text-slate-500">none</span>
            ) : (
              stateCounts(pool).map(({ state, count }) => (
                <Pill key={state} tone={lifecycleTone(state)} testId={`agent-count-${state}`}>
                  {state} {count}
                </Pill>
              ))
            )}
          </dd>
        </div>
      </dl>
      <UsageBar pool={pool} />
      <div className="mt-3 grid gap-2 lg:grid-cols-[minmax(0,36rem)_1fr] lg:items-end">
        <PoolChart samples={history} />
        <AgentStartTimesNote times={startTimes} />
      </div>

      {orphaned > 0 || pool.nodesWithoutInstance.length > 0 ? (
        <ul className="mt-3 space-y-1 text-sm text-amber-900" data-testid="agent-mismatches">
          {orphaned > 0 ? (
            <li data-testid="agents-possibly-orphaned">
              {orphaned} running {orphaned === 1 ? 'instance has' : 'instances have'} no Jenkins
              node or a stale plugin heartbeat: possibly orphaned, still billed.
            </li>
          ) : null}
          {pool.nodesWithoutInstance.length > 0 ? (
            <li data-testid="nodes-without-instance">
              Jenkins nodes without an instance: {pool.nodesWithoutInstance.join(', ')}
            </li>
          ) : null}
        </ul>
      ) : null}

      <div className="mt-4">
        <AgentTable pool={pool} />
      </div>
    </Panel>
  );
}
