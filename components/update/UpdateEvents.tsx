'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { retryWhileWatching } from '@/components/change-set/polling';
import { RootFailureBanner } from '@/components/change-set/RootFailureBanner';
import { StackEventList } from '@/components/change-set/StackEventList';
import { LINK_CLASS } from '@/components/launch/styles';
import { fetchJson } from '@/lib/client/fetcher';
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
      onErrorRetry: retryWhileWatching(POLL_MS),
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

      {root === undefined ? null : <RootFailureBanner failure={root} />}

      <StackEventList events={events} rootId={root?.id} rowTestId="update-event" />
    </div>
  );
}
