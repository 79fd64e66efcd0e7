import type { TimelineEntry, TimelineSource } from '@/lib/status/types';

/** The timeline's sources as the person reads them. */
export const TIMELINE_SOURCE_LABELS: Record<TimelineSource, string> = {
  stack: 'stack',
  service: 'service',
  target: 'target',
};

/**
 * The entries to show, newest first: all of them, or only failures. The server already
 * merges newest first; sorting again here keeps the page right if a source ever arrives out
 * of order, and equal times keep their given order.
 */
export function visibleTimeline(
  entries: readonly TimelineEntry[],
  options: { failuresOnly: boolean },
): TimelineEntry[] {
  return entries
    .filter((entry) => !options.failuresOnly || entry.failure)
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .sort((a, b) => (Number.isNaN(b.at - a.at) ? 0 : b.at - a.at) || a.index - b.index)
    .map(({ entry }) => entry);
}
