'use client';

import { useEffect } from 'react';
import useSWR, { type SWRConfiguration } from 'swr';
import type { AppError } from '@/lib/errors';
import type { EnvironmentResponse, OverviewResponse } from '@/lib/stacks/views';
import type { StackSnapshot } from '@/lib/status/types';
import { fetchJson, isSignedOut } from './fetcher';
import { environmentKey, overviewKey, stackSnapshotKey } from './keys';
import { nextPollMs } from './poll';
import { startPollLoop } from './poll-loop';

const OVERVIEW_POLL_MS = 15_000;

const shared: SWRConfiguration = {
  // A signed-out fetch has already sent the person to /signin; retrying would only race it.
  onErrorRetry: (error, _key, _config, revalidate, { retryCount }) => {
    if (isSignedOut(error) || retryCount >= 10) return;
    setTimeout(() => void revalidate({ retryCount }), Math.min(30_000, 2_000 * 2 ** retryCount));
  },
};

/** The overview's stacks across regions, refreshed every 15 s. */
export function useOverview() {
  return useSWR<OverviewResponse, AppError>(overviewKey(), fetchJson, {
    ...shared,
    refreshInterval: OVERVIEW_POLL_MS,
  });
}

/** Where the dashboard points and who is signed in; skipped when `enabled` is false. */
export function useEnvironment(enabled = true) {
  return useSWR<EnvironmentResponse, AppError>(enabled ? environmentKey() : null, fetchJson, {
    ...shared,
    revalidateOnFocus: false,
  });
}

/**
 * One stack's snapshot, polled when the server refreshes it (`nextPollMs`), at the pace the
 * snapshot asks for: every few seconds while anything moves, slowly at rest. The wait restarts
 * from every new snapshot, including one a scale edit fetched at once, so an update's progress
 * shows at the update's pace. SWR keeps the last data while a refresh fails, so the page can
 * say how old it is instead of going blank; the loop keeps polling until the dashboard answers.
 */
export function useStackSnapshot(name: string, region: string | undefined) {
  const result = useSWR<StackSnapshot, AppError>(stackSnapshotKey(name, region), fetchJson, {
    ...shared,
    // The poll loop below is the one retry: SWR's would poll a second schedule beside it.
    shouldRetryOnError: false,
    keepPreviousData: true,
  });
  const { data, error, mutate } = result;
  const signedOut = error !== undefined && isSignedOut(error);

  useEffect(() => {
    // A signed-out fetch has already sent the person to /signin.
    if (signedOut) return undefined;
    return startPollLoop({
      delayMs: () => nextPollMs(data),
      poll: () => mutate(),
      hidden: () => document.visibilityState === 'hidden',
    });
  }, [data, signedOut, mutate]);

  return result;
}
