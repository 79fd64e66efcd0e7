import { formatTimestamp } from '@/lib/client/format';
import { Panel } from '../ui/Panel';

/** One stack event as the live list shows it. */
export interface StackEventRow {
  readonly id: string;
  readonly at: string;
  readonly logicalId: string;
  readonly status: string;
  readonly failure: boolean;
  /** CloudFormation's status reason, when it gave one. */
  readonly reason: string | undefined;
}

/**
 * The stack events of a running create or update, in the order given, with failures marked
 * and the likely root failure (`rootId`) highlighted so the cause stands out from the
 * cancellations that follow it.
 */
export function StackEventList({
  events,
  rootId,
  rowTestId,
  testId,
}: {
  events: readonly StackEventRow[];
  rootId: string | undefined;
  rowTestId: string;
  testId?: string;
}) {
  return (
    <Panel title="Stack events" testId={testId}>
      {events.length === 0 ? (
        <p className="text-sm text-slate-500">Waiting for CloudFormation’s first events…</p>
      ) : (
        <ol className="max-h-[28rem] divide-y divide-slate-100 overflow-y-auto text-sm">
          {events.map((event) => {
            const root = event.id === rootId;
            return (
              <li
                key={event.id}
                data-testid={rowTestId}
                data-root-failure={root}
                className={`grid grid-cols-[11rem_1fr] gap-2 py-1.5 pl-2 ${
                  root
                    ? 'border-l-4 border-l-red-600 bg-red-50'
                    : event.failure
                      ? 'border-l-2 border-l-red-400'
                      : ''
                }`}
              >
                <time dateTime={event.at} className="text-xs tabular-nums text-slate-500">
                  {formatTimestamp(event.at)}
                </time>
                <div className="min-w-0">
                  <span className="font-medium">{event.logicalId}</span>{' '}
                  <span className={event.failure ? 'text-red-800' : 'text-slate-700'}>
                    {event.status}
                  </span>
                  {event.reason === undefined ? null : (
                    <div className="break-words text-xs text-slate-500">{event.reason}</div>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Panel>
  );
}
