import { describe, expect, it } from 'vitest';
import { changeSetReady } from '@/components/change-set/readiness';
import { watchUpdate } from '@/components/update/update-events';
import type { StackEventsView } from '@/components/update/update-requests';
import { replacementCell, reresolvedSsmParameters } from '@/components/update/update-review';
import type { OperationEventView } from '@/lib/stacks/operation-events';
import { jenkinsModel } from '../launch/templates';

function event(id: string, status: string, requestToken?: string): OperationEventView {
  return {
    id,
    at: '2024-05-01T10:00:00.000Z',
    logicalId: 'jenkins-ctl',
    physicalId: undefined,
    resourceType: 'AWS::CloudFormation::Stack',
    status,
    reason: undefined,
    requestToken,
    failure: false,
  };
}

function eventsView(
  status: string,
  inProgress: boolean,
  events: OperationEventView[],
): StackEventsView {
  return { status, statusReason: undefined, inProgress, events, rootFailure: undefined };
}

describe('update review', () => {
  it('says what each replacement flag means', () => {
    expect(replacementCell({ action: 'Modify', replacement: 'True' }).text).toBe('Replaced');
    expect(replacementCell({ action: 'Modify', replacement: 'Conditional' }).text).toBe(
      'May be replaced',
    );
    expect(replacementCell({ action: 'Modify', replacement: 'False' }).text).toBe('In place');
    expect(replacementCell({ action: 'Add', replacement: undefined }).text).toBe('New resource');
    expect(replacementCell({ action: 'Remove', replacement: undefined }).text).toBe('Deleted');
  });

  it('names the SSM-typed AMI of the bundled template as resolved again (C12)', () => {
    expect(reresolvedSsmParameters(jenkinsModel())).toEqual(['AgentAmiId']);
  });

  it('offers execute only for a created, available change set', () => {
    expect(changeSetReady({ status: 'CREATE_COMPLETE', executionStatus: 'AVAILABLE' })).toBe(true);
    expect(changeSetReady({ status: 'CREATE_PENDING', executionStatus: 'UNAVAILABLE' })).toBe(
      false,
    );
  });
});

describe('update events', () => {
  const attempt = 'k3f9x2abc';

  it('waits while the current operation is still the previous one', () => {
    const previous = eventsView('UPDATE_COMPLETE', false, [
      event('e1', 'UPDATE_IN_PROGRESS', 'ju-alice-olderattempt'),
      event('e2', 'UPDATE_COMPLETE', 'ju-alice-olderattempt'),
    ]);

    expect(watchUpdate(previous, attempt, false)).toEqual({
      started: false,
      finished: false,
      succeeded: false,
    });
  });

  it('follows the attempt by its request token until it is no longer in progress', () => {
    const running = eventsView('UPDATE_IN_PROGRESS', true, [
      event('e1', 'UPDATE_IN_PROGRESS', `ju-alice-${attempt}`),
    ]);
    const done = eventsView('UPDATE_COMPLETE', false, [
      event('e1', 'UPDATE_IN_PROGRESS', `ju-alice-${attempt}`),
      event('e2', 'UPDATE_COMPLETE', `ju-alice-${attempt}`),
    ]);

    expect(watchUpdate(running, attempt, false)).toMatchObject({ started: true, finished: false });
    expect(watchUpdate(done, attempt, true)).toEqual({
      started: true,
      finished: true,
      succeeded: true,
    });
  });

  it('reports a rolled-back update as finished without success', () => {
    const rolledBack = eventsView('UPDATE_ROLLBACK_COMPLETE', false, [
      event('e1', 'UPDATE_IN_PROGRESS', `ju-alice-${attempt}`),
    ]);

    expect(watchUpdate(rolledBack, attempt, true)).toEqual({
      started: true,
      finished: true,
      succeeded: false,
    });
  });

  it('counts an operation seen in progress since the execute as this update', () => {
    const done = eventsView('UPDATE_COMPLETE', false, [event('e1', 'UPDATE_IN_PROGRESS')]);

    expect(watchUpdate(done, attempt, true).finished).toBe(true);
  });
});
