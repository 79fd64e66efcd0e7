import type { TimelineEntry } from '@/lib/status/types';

let counter = 0;

/** A stack event as the snapshot's timeline carries it: titled `<LogicalId> <STATUS>`. */
export function stackEvent(
  at: string,
  logicalId: string,
  status: string,
  reason?: string,
): TimelineEntry {
  counter += 1;
  return {
    id: `stack:${logicalId}-${status}-${counter}`,
    at,
    source: 'stack',
    failure: status.endsWith('FAILED'),
    title: `${logicalId} ${status}`,
    detail: reason,
  };
}

/** Newest first, as the snapshot orders its timeline. */
export function newestFirst(entries: TimelineEntry[]): TimelineEntry[] {
  return [...entries].reverse();
}
