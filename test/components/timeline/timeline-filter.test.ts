import { describe, expect, it } from 'vitest';
import { visibleTimeline } from '@/components/timeline/timeline-filter';
import { timelineEntry } from '../fixtures';

const created = timelineEntry({ id: 'stack:1', at: '2024-05-01T10:00:00Z' });
const unhealthy = timelineEntry({
  id: 'target:1',
  source: 'target',
  failure: true,
  at: '2024-05-01T10:05:00Z',
  title: 'Target 10.0.1.5 healthy → unhealthy',
});
const steady = timelineEntry({
  id: 'service:1',
  source: 'service',
  at: '2024-05-01T10:05:00Z',
  title: 'service reached a steady state',
});
const failedUpdate = timelineEntry({
  id: 'stack:2',
  failure: true,
  at: '2024-05-01T10:10:00Z',
  title: 'ControllerService UPDATE_FAILED',
});

describe('visibleTimeline', () => {
  it('shows every entry newest first, equal times in their given order', () => {
    const shown = visibleTimeline([created, unhealthy, steady, failedUpdate], {
      failuresOnly: false,
    });

    expect(shown.map((entry) => entry.id)).toEqual(['stack:2', 'target:1', 'service:1', 'stack:1']);
  });

  it('shows only failures when asked, from every source', () => {
    const shown = visibleTimeline([created, unhealthy, steady, failedUpdate], {
      failuresOnly: true,
    });

    expect(shown.map((entry) => entry.id)).toEqual(['stack:2', 'target:1']);
  });

  it('shows nothing when failures only is on and nothing failed', () => {
    expect(visibleTimeline([created, steady], { failuresOnly: true })).toEqual([]);
  });
});
