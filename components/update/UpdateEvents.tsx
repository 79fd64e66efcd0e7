'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { LINK_CLASS } from '@/components/launch/styles';
import { fetchJson, isSignedOut } from '@/lib/client/fetcher';
import { formatTimestamp } from '@/lib/client/format';
import { stackPagePath } from '@/lib/client/keys';
import type { AppError } from '@/lib/errors';
import { StackStatusBadge } from '../status/StackStatusBadge';
import { Banner } from '../ui/Banner';
import { Panel } from '../ui/Panel';
import { watchUpdate } from './update-events';
import { stackEventsKey, type StackEventsView } from './update-requests';

// Events arrive every few seconds during an update; faster polling would only cost API calls.
const POLL_MS = 2_500;

/**
 * The executed update as it happens: the current operation's events (oldest first) polled until
 * the stack is no longer in progress, the likely root failure highlighted, the outcome, and a
 * link back to the stack page.
 */
export function UpdateEvents({
  stackName,
  region,
  attemptId,
}: {
  stackName: string;
  region: string;
  attemptId: string;
}) {
  const [seenInProgress, setSeenInProgress] = useState(false);
  const { data, error } = useSWR<StackEventsView, AppError>(
    stackEventsKey(stackName, region),
    fetchJson,
    {
      refreshInterval: (latest) =>
        watchUpdate(latest, attemptId, seenInProgress).finished ? 0 : POLL_MS,
      onSuccess: (latest) => {
        if (latest.inProgress) setSeenInProgress(true);
      },
      onErrorRetry: (retryError, _key, _config, revalidate, { retryCount }) => {
        if (isSignedOut(retryError) || retryCount >= 20) return;
        setTimeout(() => void revalidate({ retryCount }), POLL_MS);
      },
    },
  );
  const watch = watchUpdate(data, attemptId, seenInProgress);
  const events = watch.started ? (data?.events ?? []) : [];
  const root = watch.started ? data?.rootFailure : undefined;

  return (
    <div className="space-y-4" data-testid="update-events">
      <Panel
        title={`Updating ${stackName}`}
        actions={
          data === undefined ? null : (
            <StackStatusBadge status={data.status} testId="update-status" />
          )
        }
      >
        {error === undefined ? null : (
          <p className="text-sm text-amber-800" data-testid="update-refresh-error">
            Could not refresh the events: {error.message} Retrying.
          </p>
        )}
        {watch.finished ? (
          <Banner tone={watch.succeeded ? 'good' : 'bad'} testId="update-outcome">
            {watch.succeeded
              ? 'The update is complete.'
              : `The update did not succeed (${data?.status}).${data?.statusReason === undefined ? '' : ` ${data.statusReason}`}`}
          </Banner>
        ) : (
          <p className="text-sm text-slate-600" role="status">
            {watch.started
              ? 'CloudFormation is updating the stack…'
              : 'Waiting for the update to start…'}
          </p>
        )}
        <p className="mt-3 text-sm">
          <a
            href={stackPagePath(stackName, region)}
            className={LINK_CLASS}
            data-testid="stack-page-link"
          >
            Back to the stack page
          </a>
        </p>
      </Panel>

      {root === undefined ? null : (
        <Banner tone="bad" alert testId="root-failure">
          <p className="font-medium">
            Likely cause: {root.logicalId} {root.status}
          </p>
          <p className="mt-1">{root.reason ?? 'CloudFormation gave no reason.'}</p>
        </Banner>
      )}

      <Panel title="Stack events">
        {events.length === 0 ? (
          <p className="text-sm text-slate-500">Waiting for CloudFormation’s first events…</p>
        ) : (
          <ol className="max-h-[28rem] divide-y divide-slate-100 overflow-y-auto text-sm">
            {events.map((event) => {
              const isRoot = event.id === root?.id;
              return (
                <li
                  key={event.id}
                  data-testid="update-event"
                  data-root-failure={isRoot}
                  className={`grid grid-cols-[11rem_1fr] gap-2 py-1.5 pl-2 ${
                    isRoot
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
    </div>
  );
}
