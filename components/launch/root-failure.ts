import type { TimelineEntry } from '@/lib/status/types';
import { stackEvents } from './stack-events';

/** The stack event most likely to explain a failed create. */
export interface RootFailure {
  readonly logicalId: string;
  readonly status: string;
  readonly reason: string | undefined;
  readonly at: string;
  readonly entryId: string;
}

// CloudFormation cancels the resources still being created once one fails; their events say
// only this and point away from the cause.
const CANCELLED = 'Resource creation cancelled';

/**
 * Finds the likely root failure: the earliest `*_FAILED` stack event whose reason is not the
 * "Resource creation cancelled" that every sibling of the real failure gets. Equal times keep
 * CloudFormation's order (the timeline is newest first, so the later entry happened first).
 * Undefined when nothing failed.
 */
export function likelyRootFailure(timeline: readonly TimelineEntry[]): RootFailure | undefined {
  const failures = stackEvents(timeline)
    .filter((event) => event.status.endsWith('_FAILED'))
    .filter((event) => event.entry.detail?.trim() !== CANCELLED)
    .map((event, index) => ({ event, index }));
  if (failures.length === 0) return undefined;

  const [earliest] = failures.sort(
    (a, b) => Date.parse(a.event.entry.at) - Date.parse(b.event.entry.at) || b.index - a.index,
  );
  const { event } = earliest as (typeof failures)[number];
  return {
    logicalId: event.logicalId,
    status: event.status,
    reason: event.entry.detail,
    at: event.entry.at,
    entryId: event.entry.id,
  };
}
