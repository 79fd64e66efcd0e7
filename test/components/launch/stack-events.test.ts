import { describe, expect, it } from 'vitest';
import { mergeSeenEvents, stackEvents } from '@/components/launch/stack-events';
import { newestFirst, stackEvent } from './timeline';

describe('stack events', () => {
  it('reads the logical id and status from each stack entry’s title', () => {
    const [event] = stackEvents([stackEvent('2024-05-01T10:00:00Z', 'Cluster', 'CREATE_COMPLETE')]);

    expect(event).toMatchObject({ logicalId: 'Cluster', status: 'CREATE_COMPLETE' });
  });

  it('keeps events that have dropped out of the latest page, newest first, without repeats', () => {
    const early = stackEvent('2024-05-01T10:00:01Z', 'LogGroup', 'CREATE_COMPLETE');
    const middle = stackEvent('2024-05-01T10:00:02Z', 'Cluster', 'CREATE_COMPLETE');
    const late = stackEvent('2024-05-01T10:00:03Z', 'Service', 'CREATE_IN_PROGRESS');

    const merged = mergeSeenEvents(newestFirst([early, middle]), newestFirst([middle, late]));

    expect(merged.map((entry) => entry.id)).toEqual([late.id, middle.id, early.id]);
  });
});
