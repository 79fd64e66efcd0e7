'use client';

import { useState } from 'react';
import type { TimelineEntry } from '@/lib/status/types';
import { Panel } from '../ui/Panel';
import { Pill } from '../ui/Pill';
import { TimeAgo } from '../ui/TimeAgo';
import { TIMELINE_SOURCE_LABELS, visibleTimeline } from './timeline-filter';

/**
 * One timeline of what happened, newest first: stack events, ECS service events and
 * load-balancer target transitions, each labelled with its source, with a failures-only view.
 */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const [failuresOnly, setFailuresOnly] = useState(false);
  const shown = visibleTimeline(entries, { failuresOnly });
  const failures = entries.filter((entry) => entry.failure).length;

  return (
    <Panel
      title="Timeline"
      testId="timeline"
      actions={
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={failuresOnly}
            onChange={(event) => setFailuresOnly(event.target.checked)}
            data-testid="timeline-failures-only"
          />
          Failures only ({failures})
        </label>
      }
    >
      {shown.length === 0 ? (
        <p className="text-sm text-slate-500">
          {failuresOnly ? 'No failures in the recent history.' : 'Nothing has happened yet.'}
        </p>
      ) : (
        <ol className="max-h-[32rem] divide-y divide-slate-100 overflow-y-auto text-sm">
          {shown.map((entry) => (
            <li
              key={entry.id}
              data-testid="timeline-entry"
              data-source={entry.source}
              data-failure={entry.failure}
              className={`grid grid-cols-[9.5rem_4.5rem_1fr] gap-2 py-1.5 ${
                entry.failure ? 'border-l-2 border-l-red-500 pl-2' : 'pl-2.5'
              }`}
            >
              <span className="text-xs text-slate-500">
                <TimeAgo at={entry.at} />
              </span>
              <span>
                <Pill tone={entry.failure ? 'bad' : 'neutral'}>
                  {TIMELINE_SOURCE_LABELS[entry.source]}
                </Pill>
              </span>
              <div className="min-w-0">
                <div className={`break-words ${entry.failure ? 'text-red-900' : 'text-slate-800'}`}>
                  {entry.title}
                </div>
                {entry.detail === undefined ? null : (
                  <div className="break-words text-xs text-slate-500">{entry.detail}</div>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
