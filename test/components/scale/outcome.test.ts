import { describe, expect, it } from 'vitest';
import type { ScalePhase } from '@/components/scale/edit-state';
import {
  capAppliedLine,
  phaseNotice,
  scaleViewPollMs,
  type AppliedContext,
  type ScaleHistoryItem,
} from '@/components/scale/outcome';

const TOKEN = 'js-alice-k3f9x2abcd12-cap-10-20';
const applied: ScalePhase = {
  kind: 'applied',
  requestToken: TOKEN,
  changes: { AgentInstanceCap: '20' },
};

function historyItem(outcome: ScaleHistoryItem['outcome'], reason?: string): ScaleHistoryItem {
  return {
    requestToken: TOKEN,
    user: 'alice',
    startedAt: '2024-05-01T10:12:00.000Z',
    finishedAt: undefined,
    changes: [{ key: 'AgentInstanceCap', from: '10', to: '20' }],
    outcome,
    reason,
  };
}

const updating: AppliedContext = {
  stackStatus: 'UPDATE_IN_PROGRESS',
  pool: { cap: 10, counted: 7 },
  history: [historyItem('in-progress')],
};

describe('phaseNotice', () => {
  it('says the update started, with its request token, while CloudFormation works', () => {
    expect(phaseNotice(applied, updating)).toEqual({
      tone: 'moving',
      title: 'Update started',
      lines: [
        `Request token ${TOKEN}`,
        'CloudFormation is updating the stack; Apply stays off until it finishes.',
      ],
    });
  });

  it('confirms the cap once Jenkins reports it, with the pool moving toward it', () => {
    const notice = phaseNotice(applied, {
      stackStatus: 'UPDATE_COMPLETE',
      pool: { cap: 20, counted: 12 },
      history: [historyItem('succeeded')],
    });
    expect(notice?.tone).toBe('good');
    expect(notice?.capApplied).toBe('Jenkins now uses a cap of 20: 12 of 20 used, 8 free.');
  });

  it('waits for Jenkins after CloudFormation finished but before the pool reports the cap', () => {
    const notice = phaseNotice(applied, {
      stackStatus: 'UPDATE_COMPLETE',
      pool: { cap: 10, counted: 7 },
      history: [historyItem('succeeded')],
    });
    expect(notice?.capApplied).toBeUndefined();
    expect(notice?.lines).toContain('Waiting for Jenkins to report the cap of 20.');
  });

  it('turns red with the reason when the update rolled back', () => {
    const notice = phaseNotice(applied, {
      ...updating,
      stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
      history: [historyItem('rolled-back', 'Resource handler returned message: "boom"')],
    });
    expect(notice).toEqual({
      tone: 'bad',
      title: 'The update was rolled back',
      lines: ['Resource handler returned message: "boom"', `Request token ${TOKEN}`],
    });
  });

  it('shows "nothing to change" as information, not as an error (C01)', () => {
    const notice = phaseNotice(
      { kind: 'nothing-to-change', message: 'No updates are to be performed.' },
      updating,
    );
    expect(notice).toEqual({
      tone: 'neutral',
      title: 'Nothing to change',
      lines: ['No updates are to be performed.'],
    });
  });

  it('warns, not fails, on a conflict', () => {
    const conflict: ScalePhase = {
      kind: 'conflict',
      busy: true,
      message: 'Another operation is running on jenkins-ctl (UPDATE_IN_PROGRESS).',
      fresh: undefined,
      link: '/stacks/jenkins-ctl?region=eu-west-1',
      stackStatus: 'UPDATE_IN_PROGRESS',
    };
    expect(phaseNotice(conflict, updating)).toMatchObject({
      tone: 'warn',
      title: 'Another operation is running',
    });
  });

  it('offers a safe retry after a lost answer', () => {
    const failed: ScalePhase = {
      kind: 'failed',
      retryable: true,
      message: 'The dashboard could not be reached.',
      fieldErrors: {},
    };
    expect(phaseNotice(failed, updating)?.lines).toEqual([
      'The dashboard could not be reached.',
      'Apply again to retry: the same attempt is resent, never a second update.',
    ]);
  });

  it('has nothing to say while editing or reviewing', () => {
    expect(phaseNotice({ kind: 'editing' }, updating)).toBeUndefined();
  });
});

describe('capAppliedLine', () => {
  it('says agents above a lowered cap end as they go idle', () => {
    expect(capAppliedLine({ AgentInstanceCap: '5' }, { cap: 5, counted: 8 })).toBe(
      'Jenkins now uses a cap of 5: 8 of 5 used, 3 over the cap; agents above the cap end as they go idle.',
    );
  });

  it('says nothing when the edit did not change the cap', () => {
    expect(capAppliedLine({ WarmAgents: '2' }, { cap: 10, counted: 3 })).toBeUndefined();
  });
});

describe('scaleViewPollMs', () => {
  it('polls fast while the stack is busy', () => {
    expect(scaleViewPollMs('UPDATE_IN_PROGRESS', { kind: 'editing' }, [])).toBe(5_000);
  });

  it('polls fast until its own update shows as finished in the history', () => {
    expect(scaleViewPollMs('UPDATE_COMPLETE', applied, [])).toBe(5_000);
    expect(scaleViewPollMs('UPDATE_COMPLETE', applied, [historyItem('succeeded')])).toBe(60_000);
  });

  it('polls slowly at rest', () => {
    expect(scaleViewPollMs('UPDATE_COMPLETE', { kind: 'editing' }, [])).toBe(60_000);
  });
});
