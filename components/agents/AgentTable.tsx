'use client';

import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { AgentPoolView } from '@/lib/status/types';
import { DataTable } from '../table/DataTable';
import { AGENT_COLUMNS } from './agent-columns';
import { filterAgents, NO_AGENT_FILTER, stateCounts, type AgentFilter } from './agent-filter';

const ROW_HEIGHT = 34;
const TABLE_HEIGHT = 480;

/**
 * The pool's agents in a sortable, filterable, virtualised table. The text filter is
 * deferred so typing stays responsive while thousands of rows are re-filtered.
 */
export function AgentTable({ pool }: { pool: AgentPoolView }) {
  const [filter, setFilter] = useState<AgentFilter>(NO_AGENT_FILTER);
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(
    () => filterAgents(pool.agents, deferredFilter),
    [pool.agents, deferredFilter],
  );
  const states = stateCounts(pool);
  const textId = useId();
  const stateId = useId();

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-end gap-3 text-sm">
        <div className="flex flex-col">
          <label htmlFor={textId} className="text-xs text-slate-500">
            Filter agents
          </label>
          <input
            id={textId}
            type="search"
            value={filter.text}
            onChange={(event) => setFilter({ ...filter, text: event.target.value })}
            placeholder="id, IP, AZ, node…"
            className="w-56 rounded border border-slate-300 px-2 py-1 text-sm"
            data-testid="agent-filter-text"
          />
        </div>
        <div className="flex flex-col">
          <label htmlFor={stateId} className="text-xs text-slate-500">
            State
          </label>
          <select
            id={stateId}
            value={filter.state}
            onChange={(event) => setFilter({ ...filter, state: event.target.value })}
            className="rounded border border-slate-300 px-2 py-1 text-sm"
            data-testid="agent-filter-state"
          >
            <option value="">All states</option>
            {states.map(({ state, count }) => (
              <option key={state} value={state}>
                {state} ({count})
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-1.5 pb-1">
          <input
            type="checkbox"
            checked={filter.flaggedOnly}
            onChange={(event) => setFilter({ ...filter, flaggedOnly: event.target.checked })}
            data-testid="agent-filter-flagged"
          />
          Flagged only
        </label>
        <span className="pb-1 text-xs text-slate-500" data-testid="agent-visible-count">
          Showing {visible.length} of {pool.agents.length}
        </span>
      </div>
      <DataTable
        columns={AGENT_COLUMNS}
        rows={visible}
        rowKey={(agent) => agent.instanceId}
        label="Agent instances"
        testId="agent-table"
        emptyText={
          pool.agents.length === 0
            ? 'No agent instances: Jenkins launches them when builds wait in the queue.'
            : 'No agent matches the filter.'
        }
        initialSorting={[{ id: 'age', desc: false }]}
        virtual={{ rowHeight: ROW_HEIGHT, height: TABLE_HEIGHT }}
        minWidth="72rem"
        rowClassName={(agent) => (agent.possiblyOrphaned ? 'bg-amber-50/60' : undefined)}
      />
    </div>
  );
}
