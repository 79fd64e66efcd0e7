'use client';

import Link from 'next/link';
import { mutate } from 'swr';
import { ScalePanel } from '@/components/scale/ScalePanel';
import type { AppError } from '@/lib/errors';
import { NowProvider } from '@/lib/client/now';
import { useStackSnapshot } from '@/lib/client/swr';
import type { StackSnapshot } from '@/lib/status/types';
import { AgentPoolPanel } from '../agents/AgentPoolPanel';
import { ControllerPanel } from '../controller/ControllerPanel';
import { Timeline } from '../timeline/Timeline';
import { Banner } from '../ui/Banner';
import { ParametersPanel } from './ParametersPanel';
import { StackActions } from './StackActions';
import { StackSummary } from './StackSummary';
import { StaleBanner, UpdatedAgo } from './StaleBanner';
import { VerdictBanner } from './VerdictBanner';

/**
 * The ops page of one stack: verdict first, then the stack, the scale limits, the controller,
 * the agent pool and one timeline. It polls at the pace the snapshot asks for and keeps the
 * last good data on screen, with its age, whenever a refresh fails.
 */
export function StackPage({ name, region }: { name: string; region: string | undefined }) {
  const { data: snapshot, error } = useStackSnapshot(name, region);

  return (
    <NowProvider intervalMs={1_000}>
      <div className="space-y-4">
        <PageHeading name={name} region={snapshot?.stack.region ?? region} snapshot={snapshot} />
        {snapshot === undefined ? (
          <LoadingOrError name={name} region={region} error={error} />
        ) : (
          <SnapshotView name={name} snapshot={snapshot} refreshError={error} />
        )}
      </div>
    </NowProvider>
  );
}

function PageHeading({
  name,
  region,
  snapshot,
}: {
  name: string;
  region: string | undefined;
  snapshot: StackSnapshot | undefined;
}) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <div>
        <nav aria-label="Breadcrumb" className="text-xs text-slate-500">
          <Link href="/" className="hover:text-slate-800 hover:underline">
            Overview
          </Link>{' '}
          / stack
        </nav>
        <h1 className="text-xl font-semibold text-slate-900" data-testid="stack-name">
          {name}
          {region === undefined ? null : (
            <span className="ml-2 align-middle text-sm font-normal text-slate-500">{region}</span>
          )}
        </h1>
      </div>
      {snapshot === undefined ? null : (
        <div className="text-xs text-slate-500">
          <UpdatedAgo at={snapshot.fetchedAt} /> ·{' '}
          <span data-testid="poll-interval" data-poll-ms={snapshot.pollAfterMs}>
            {snapshot.stale === undefined
              ? `refreshing every ${Math.round(snapshot.pollAfterMs / 1_000)} s`
              : // While AWS fails the server retries sooner, backing off to this pace.
                `retrying, at most every ${Math.round(snapshot.pollAfterMs / 1_000)} s`}
          </span>
        </div>
      )}
    </div>
  );
}

function LoadingOrError({
  name,
  region,
  error,
}: {
  name: string;
  region: string | undefined;
  error: AppError | undefined;
}) {
  if (error === undefined) {
    return (
      <p className="text-sm text-slate-500" role="status">
        Reading the stack from AWS…
      </p>
    );
  }
  if (error.kind === 'unauthorized') {
    return (
      <p className="text-sm text-slate-500" role="status">
        Signing in again…
      </p>
    );
  }
  if (error.kind === 'not_found') {
    return (
      <Banner tone="warn" testId="stack-not-found">
        Stack {name} was not found{region === undefined ? '' : ` in ${region}`}. It may have been
        deleted.{' '}
        <Link href="/" className="underline">
          Back to the overview
        </Link>
        .
      </Banner>
    );
  }
  // Nothing to show yet: say what went wrong without calling the stack failed.
  return (
    <Banner tone="warn" testId="stack-load-error">
      Could not read the stack yet: {error.message} Retrying.
    </Banner>
  );
}

function SnapshotView({
  name,
  snapshot,
  refreshError,
}: {
  name: string;
  snapshot: StackSnapshot;
  refreshError: AppError | undefined;
}) {
  return (
    <>
      <VerdictBanner verdict={snapshot.verdict} />
      <StaleBanner snapshot={snapshot} refreshError={refreshError} />

      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <StackSummary stack={snapshot.stack} />
          <StackActions
            stack={snapshot.stack}
            agentsRunning={snapshot.agents.counted}
            reapsAgents={snapshot.reapsAgentsOnDelete}
            onChanged={() => void refreshStack(name)}
          />
        </div>
        <ScalePanel stackName={name} region={snapshot.stack.region} snapshot={snapshot} />
      </div>

      <ControllerPanel controller={snapshot.controller} jenkins={snapshot.jenkins} />
      <AgentPoolPanel
        pool={snapshot.agents}
        history={snapshot.poolHistory}
        startTimes={snapshot.agentStartTimes}
      />

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Timeline entries={snapshot.timeline} />
        </div>
        <ParametersPanel parameters={snapshot.stack.parameters} />
      </div>
    </>
  );
}

/** Re-reads every view of a stack (its snapshot with or without a region in the key). */
function refreshStack(name: string): Promise<unknown> {
  const prefix = `/api/stacks/${encodeURIComponent(name)}`;
  return mutate((key) => typeof key === 'string' && key.startsWith(prefix));
}
