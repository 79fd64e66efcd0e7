import type { AppError } from '@/lib/errors';
import type { StackSnapshot } from '@/lib/status/types';
import { formatDuration, secondsSince } from '@/lib/client/format';

/** Why the page shows older data than it asked for, and how old. */
export interface StaleNotice {
  readonly ageSeconds: number;
  readonly reason: string;
}

/**
 * Whether the page is showing old data: the server kept the last good snapshot because AWS
 * failed or throttled (`stale`), or the browser's own refresh failed while SWR kept the last
 * answer. Either way the data stays on screen with its age; neither is a failed stack.
 */
export function staleNotice(
  snapshot: StackSnapshot | undefined,
  refreshError: AppError | undefined,
  now: number,
): StaleNotice | undefined {
  if (snapshot === undefined) return undefined;
  const ageSeconds = secondsSince(snapshot.fetchedAt, now);
  if (snapshot.stale !== undefined) return { ageSeconds, reason: snapshot.stale.reason };
  if (refreshError !== undefined) return { ageSeconds, reason: refreshError.message };
  return undefined;
}

/** `Showing data from 12 s ago: Rate exceeded. Retrying.` */
export function staleText(notice: StaleNotice): string {
  const age =
    notice.ageSeconds < 120 ? `${notice.ageSeconds} s` : formatDuration(notice.ageSeconds * 1_000);
  const reason = notice.reason.trim().replace(/[.\s]+$/, '');
  return `Showing data from ${age} ago: ${reason}. Retrying.`;
}
