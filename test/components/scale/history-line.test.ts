import { describe, expect, it } from 'vitest';
import {
  changeText,
  historyBadge,
  historyChangesText,
  historyLine,
  historyReason,
  newestFirst,
} from '@/components/scale/history-line';
import type { ScaleHistoryItem } from '@/components/scale/outcome';

function item(overrides: Partial<ScaleHistoryItem>): ScaleHistoryItem {
  return {
    requestToken: 'js-alice-k3f9x2abcd12-cap-10-20',
    user: 'alice',
    startedAt: '2024-05-01T10:12:00.000Z',
    finishedAt: '2024-05-01T10:13:10.000Z',
    changes: [{ key: 'AgentInstanceCap', from: '10', to: '20' }],
    outcome: 'succeeded',
    reason: undefined,
    ...overrides,
  };
}

describe('scale history lines', () => {
  it('writes a cap change as "cap 10 → 20"', () => {
    expect(changeText({ key: 'AgentInstanceCap', from: '10', to: '20' })).toBe('cap 10 → 20');
  });

  it('writes the controller switch as on and off', () => {
    expect(changeText({ key: 'ControllerEnabled', from: 'true', to: 'false' })).toBe(
      'controller on → off',
    );
  });

  it('joins several changes and says so when the token carried none', () => {
    expect(
      historyChangesText([
        { key: 'AgentInstanceCap', from: '10', to: '20' },
        { key: 'AgentInstanceType', from: 't3.large', to: 'm6i.large' },
      ]),
    ).toBe('cap 10 → 20, type t3.large → m6i.large');
    expect(historyChangesText([])).toBe('scale limits (values not recorded)');
  });

  it('gives the reason only for edits that failed or rolled back', () => {
    expect(historyReason(item({}))).toBeUndefined();
    expect(
      historyReason(item({ outcome: 'rolled-back', reason: 'Service did not stabilize' })),
    ).toBe('Service did not stabilize');
  });

  it('badges outcomes in the console tones', () => {
    expect(historyBadge('succeeded')).toEqual({ tone: 'good', label: 'Succeeded' });
    expect(historyBadge('rolled-back')).toEqual({ tone: 'warn', label: 'Rolled back' });
    expect(historyBadge('failed')).toEqual({ tone: 'bad', label: 'Failed' });
    expect(historyBadge('in-progress')).toEqual({ tone: 'moving', label: 'In progress' });
  });

  it('reads a whole row as one sentence', () => {
    expect(historyLine(item({ outcome: 'failed', reason: 'Rate exceeded' }))).toBe(
      'alice changed cap 10 → 20: failed (Rate exceeded)',
    );
  });

  it('orders the history newest first', () => {
    const older = item({ requestToken: 'old', startedAt: '2024-05-01T09:00:00.000Z' });
    const newer = item({ requestToken: 'new', startedAt: '2024-05-01T11:00:00.000Z' });
    expect(newestFirst([older, newer]).map(({ requestToken }) => requestToken)).toEqual([
      'new',
      'old',
    ]);
  });
});
