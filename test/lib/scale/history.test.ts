import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { scaleHistoryFromEvents } from '@/lib/scale/history';

function stackEvent(status: string, at: string, token?: string, reason?: string): StackEvent {
  return {
    StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/jenkins-ctl/aaaa',
    StackName: 'jenkins-ctl',
    EventId: `${status}-${at}`,
    LogicalResourceId: 'jenkins-ctl',
    ResourceType: 'AWS::CloudFormation::Stack',
    ResourceStatus: status as StackEvent['ResourceStatus'],
    ResourceStatusReason: reason,
    Timestamp: new Date(at),
    ClientRequestToken: token,
  };
}

describe('scale history', () => {
  it('reads who, when, what and the outcome from stack events alone', () => {
    const newestFirst = [
      stackEvent(
        'UPDATE_ROLLBACK_COMPLETE',
        '2026-12-03T10:20:00Z',
        'Console-CancelUpdateStack-91ab',
      ),
      stackEvent(
        'UPDATE_ROLLBACK_IN_PROGRESS',
        '2026-12-03T10:15:00Z',
        'Console-CancelUpdateStack-91ab',
        'Resource update cancelled',
      ),
      stackEvent(
        'UPDATE_IN_PROGRESS',
        '2026-12-03T10:10:00Z',
        'js-bob-bbbbbbbb-warm-0-2',
        'User Initiated',
      ),
      stackEvent('UPDATE_COMPLETE', '2026-12-03T10:05:00Z', 'js-alice-aaaaaaaa-cap-10-20'),
      stackEvent(
        'UPDATE_IN_PROGRESS',
        '2026-12-03T10:00:00Z',
        'js-alice-aaaaaaaa-cap-10-20',
        'User Initiated',
      ),
      stackEvent('UPDATE_COMPLETE', '2026-12-02T10:00:00Z', 'ju-carol-cccccccc'),
      stackEvent('UPDATE_IN_PROGRESS', '2026-12-02T09:50:00Z', 'ju-carol-cccccccc'),
    ];
    const history = scaleHistoryFromEvents('jenkins-ctl', newestFirst);
    expect(history).toEqual([
      {
        requestToken: 'js-bob-bbbbbbbb-warm-0-2',
        user: 'bob',
        startedAt: '2026-12-03T10:10:00.000Z',
        finishedAt: '2026-12-03T10:20:00.000Z',
        changes: [{ key: 'WarmAgents', from: '0', to: '2' }],
        outcome: 'rolled-back',
        reason: undefined,
      },
      {
        requestToken: 'js-alice-aaaaaaaa-cap-10-20',
        user: 'alice',
        startedAt: '2026-12-03T10:00:00.000Z',
        finishedAt: '2026-12-03T10:05:00.000Z',
        changes: [{ key: 'AgentInstanceCap', from: '10', to: '20' }],
        outcome: 'succeeded',
        reason: undefined,
      },
    ]);
  });

  it('shows an edit still running as in progress', () => {
    const history = scaleHistoryFromEvents('jenkins-ctl', [
      stackEvent('UPDATE_IN_PROGRESS', '2026-12-03T10:00:00Z', 'js-alice-aaaaaaaa-cap-10-20'),
    ]);
    expect(history[0]?.outcome).toBe('in-progress');
  });
});
