import type { TimelineEntry } from '@/lib/status/types';

/** A stack event read back from a timeline entry titled `<LogicalId> <STATUS>`. */
export interface StackEventEntry {
  readonly entry: TimelineEntry;
  readonly logicalId: string;
  readonly status: string;
}

const STACK_EVENT_TITLE = /^(\S+) ([A-Z_]+)$/;

/** The stack events of a timeline, with logical id and status split out, in the same order. */
export function stackEvents(timeline: readonly TimelineEntry[]): StackEventEntry[] {
  return timeline.flatMap((entry) => {
    if (entry.source !== 'stack') return [];
    const match = STACK_EVENT_TITLE.exec(entry.title);
    if (match === null) return [];
    return [{ entry, logicalId: match[1] as string, status: match[2] as string }];
  });
}

/**
 * Merges the latest snapshot's timeline into what the page has already seen, newest first.
 * A snapshot carries only the newest page of stack events, so on a long create the early
 * CREATE_COMPLETE events would otherwise drop out of the progress count and the event list.
 */
export function mergeSeenEvents(
  seen: readonly TimelineEntry[],
  latest: readonly TimelineEntry[],
): TimelineEntry[] {
  const byId = new Map<string, TimelineEntry>();
  for (const entry of [...latest, ...seen]) {
    if (!byId.has(entry.id)) byId.set(entry.id, entry);
  }
  return [...byId.values()]
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(b.entry.at) - Date.parse(a.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
}
