'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { retryWhileWatching } from '@/components/change-set/polling';
import { RootFailureBanner } from '@/components/change-set/RootFailureBanner';
import { StackEventList } from '@/components/change-set/StackEventList';
import { fetchJson } from '@/lib/client/fetcher';
import { formatTimestamp } from '@/lib/client/format';
import { stackPagePath, stackSnapshotKey } from '@/lib/client/keys';
import type { AppError } from '@/lib/errors';
import type { ChangeSetView } from '@/lib/stacks/change-set-view';
import { isInProgress } from '@/lib/stacks/status';
import type { StackSnapshot, TimelineEntry } from '@/lib/status/types';
import { StackStatusBadge } from '../status/StackStatusBadge';
import { Banner } from '../ui/Banner';
import { Panel } from '../ui/Panel';
import { createFailed, launchProgress } from './launch-progress';
import { likelyRootFailure } from './root-failure';
import { mergeSeenEvents, stackEvents } from './stack-events';
import { LINK_CLASS } from './styles';

// Events arrive every few seconds during a create; faster polling would only cost API calls.
const POLL_WHILE_MOVING_MS = 2_500;

/**
 * Step 3: the create as it happens: a progress bar (resources created of those the change set
 * adds), the live stack events, the likely root failure highlighted when something fails, and
 * at the end the outputs with the Jenkins URL and a link to the stack's page.
 */
export function LaunchProgressStep({
  stackName,
  region,
  changeSet,
}: {
  stackName: string;
  region: string;
  changeSet: ChangeSetView;
}) {
  const [seen, setSeen] = useState<TimelineEntry[]>([]);
  const { data: snapshot, error } = useSWR<StackSnapshot, AppError>(
    stackSnapshotKey(stackName, region),
    fetchJson,
    {
      refreshInterval: (latest) =>
        latest === undefined || isInProgress(latest.stack.status) ? POLL_WHILE_MOVING_MS : 0,
      onSuccess: (latest) => setSeen((previous) => mergeSeenEvents(previous, latest.timeline)),
      onErrorRetry: retryWhileWatching(POLL_WHILE_MOVING_MS),
    },
  );

  const status = snapshot?.stack.status;
  const progress = launchProgress(changeSet, seen);
  const rootFailure = likelyRootFailure(seen);
  const events = stackEvents(seen);
  const done = status === 'CREATE_COMPLETE';
  const failed = status !== undefined && createFailed(status);

  return (
    <div className="space-y-4" data-testid="launch-progress-step">
      <Panel
        title={`Creating ${stackName}`}
        actions={
          status === undefined ? null : <StackStatusBadge status={status} testId="launch-status" />
        }
      >
        <ProgressBar
          complete={progress.complete}
          total={progress.total}
          percent={progress.percent}
        />
        {error === undefined ? null : (
          <p className="mt-2 text-sm text-amber-800" data-testid="launch-refresh-error">
            Could not refresh the stack: {error.message} Retrying.
          </p>
        )}
        <p className="mt-3 text-sm">
          <a
            href={stackPagePath(stackName, region)}
            className={LINK_CLASS}
            data-testid="stack-page-link"
          >
            Open the stack page
          </a>
        </p>
      </Panel>

      {rootFailure === undefined ? null : (
        <RootFailureBanner failure={rootFailure}>
          <p className="mt-1 text-xs">
            The first failure at {formatTimestamp(rootFailure.at)}; the resources cancelled after it
            failed only because of it.
          </p>
        </RootFailureBanner>
      )}
      {failed ? (
        <Banner tone="bad" testId="launch-failed">
          The create did not succeed ({status}). A stack whose first create was rolled back can only
          be deleted: delete it on the stack page, then launch again.
        </Banner>
      ) : null}

      {done && snapshot !== undefined ? <LaunchOutputs snapshot={snapshot} /> : null}

      <StackEventList
        events={events.map(({ entry, logicalId, status: eventStatus }) => ({
          id: entry.id,
          at: entry.at,
          logicalId,
          status: eventStatus,
          failure: entry.failure,
          reason: entry.detail,
        }))}
        rootId={rootFailure?.entryId}
        rowTestId="launch-event"
        testId="launch-events"
      />
    </div>
  );
}

function ProgressBar({
  complete,
  total,
  percent,
}: {
  complete: number;
  total: number;
  percent: number;
}) {
  return (
    <div>
      <div
        role="progressbar"
        aria-label="Resources created"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={complete}
        data-testid="launch-progress"
        data-complete={complete}
        data-total={total}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-sky-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-sm tabular-nums text-slate-700">
        {complete} of {total} resources created
      </p>
    </div>
  );
}

function LaunchOutputs({ snapshot }: { snapshot: StackSnapshot }) {
  const { stack } = snapshot;
  const jenkinsUrl =
    stack.jenkinsUrl ?? stack.outputs.find((output) => output.key === 'JenkinsUrl')?.value;
  return (
    <Panel title="Jenkins is up" testId="launch-outputs">
      {jenkinsUrl === undefined ? null : (
        <p className="mb-3 text-sm">
          Jenkins:{' '}
          <a
            href={jenkinsUrl}
            className={LINK_CLASS}
            data-testid="jenkins-url"
            target="_blank"
            rel="noreferrer"
          >
            {jenkinsUrl}
          </a>
        </p>
      )}
      <dl className="grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-4 gap-y-1 text-sm">
        {stack.outputs.map((output) => (
          <div key={output.key} className="contents" data-testid="launch-output">
            <dt className="font-medium text-slate-700">{output.key}</dt>
            <dd className="break-all font-mono text-xs text-slate-800">{output.value}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
