'use client';

import type { AppError } from '@/lib/errors';
import { useSharedNow } from '@/lib/client/now';
import type { StackSnapshot } from '@/lib/status/types';
import { Banner } from '../ui/Banner';
import { staleNotice, staleText } from './stale-notice';

/**
 * Says calmly that the page shows older data and is retrying, counting the age up each
 * second. Throttling and AWS hiccups are not stack failures, so this is never red.
 */
export function StaleBanner({
  snapshot,
  refreshError,
}: {
  snapshot: StackSnapshot;
  refreshError: AppError | undefined;
}) {
  const now = useSharedNow() ?? Date.parse(snapshot.fetchedAt);
  const notice = staleNotice(snapshot, refreshError, now);
  if (notice === undefined) return null;
  return (
    <Banner tone="neutral" testId="stale-banner">
      {staleText(notice)}
    </Banner>
  );
}

/** "Updated 4 s ago", ticking. */
export function UpdatedAgo({ at }: { at: string }) {
  const now = useSharedNow() ?? Date.parse(at);
  const seconds = Math.max(0, Math.floor((now - Date.parse(at)) / 1_000));
  return (
    <time dateTime={at} data-testid="updated-ago">
      updated {seconds} s ago
    </time>
  );
}
