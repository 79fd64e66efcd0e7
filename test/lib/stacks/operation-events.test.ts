import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { currentOperation, rootFailure } from '@/lib/stacks/operation-events';

function event(
  id: string,
  logicalId: string,
  status: string,
  at: string,
  token: string,
  reason?: string,
): StackEvent {
  return {
    StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/jenkins-ctl/bbbb',
    StackName: 'jenkins-ctl',
    EventId: id,
    LogicalResourceId: logicalId,
    ResourceType: logicalId === 'jenkins-ctl' ? 'AWS::CloudFormation::Stack' : 'AWS::ECS::Service',
    ResourceStatus: status as StackEvent['ResourceStatus'],
    ResourceStatusReason: reason,
    Timestamp: new Date(at),
    ClientRequestToken: token,
  };
}

// C14: page 1 and page 2 of DescribeStackEvents, newest first, with a console cancel.
const NEWEST_FIRST = [
  event(
    'E9',
    'jenkins-ctl',
    'UPDATE_ROLLBACK_IN_PROGRESS',
    '2026-12-03T10:02:30Z',
    'Console-CancelUpdateStack-91ab',
    'Resource update cancelled',
  ),
  event('E8', 'ControllerService', 'UPDATE_IN_PROGRESS', '2026-12-03T10:02:05Z', 'dash-7f3c'),
  event('E7', 'ControllerTaskDef', 'UPDATE_COMPLETE', '2026-12-03T10:02:05Z', 'dash-7f3c'),
  event('E7', 'ControllerTaskDef', 'UPDATE_COMPLETE', '2026-12-03T10:02:05Z', 'dash-7f3c'),
  event('E6', 'ControllerTaskDef', 'UPDATE_IN_PROGRESS', '2026-12-03T10:02:00Z', 'dash-7f3c'),
  event(
    'E5',
    'jenkins-ctl',
    'UPDATE_IN_PROGRESS',
    '2026-12-03T10:01:55Z',
    'dash-7f3c',
    'User Initiated',
  ),
  event('E4', 'jenkins-ctl', 'UPDATE_COMPLETE', '2026-12-03T09:00:00Z', 'dash-1a2b'),
];

describe('current operation events (C14)', () => {
  it('reads back only to the event that started the operation, oldest first, de-duplicated', () => {
    expect(currentOperation('jenkins-ctl', NEWEST_FIRST).map((e) => e.id)).toEqual([
      'E5',
      'E6',
      'E7',
      'E8',
      'E9',
    ]);
  });

  it('keeps later stack events whose token is not ours, such as a console cancel', () => {
    const events = currentOperation('jenkins-ctl', NEWEST_FIRST);
    expect(events.at(-1)).toMatchObject({
      id: 'E9',
      requestToken: 'Console-CancelUpdateStack-91ab',
    });
    expect(events.some((e) => e.id === 'E4')).toBe(false);
  });

  it('keeps the order CloudFormation wrote for equal timestamps', () => {
    const events = currentOperation('jenkins-ctl', NEWEST_FIRST);
    const sameTime = events.filter((e) => e.at === '2026-12-03T10:02:05.000Z').map((e) => e.id);
    expect(sameTime).toEqual(['E7', 'E8']);
  });

  it('names the first real failure, not the cancelled followers', () => {
    const events = currentOperation('jenkins-ctl', [
      event(
        'F3',
        'ControllerService',
        'CREATE_FAILED',
        '2026-12-03T10:00:09Z',
        't',
        'Resource creation cancelled',
      ),
      event('F2', 'TargetGroup', 'CREATE_FAILED', '2026-12-03T10:00:05Z', 't', 'limit reached'),
      event(
        'F1',
        'jenkins-ctl',
        'CREATE_IN_PROGRESS',
        '2026-12-03T10:00:00Z',
        't',
        'User Initiated',
      ),
    ]);
    expect(rootFailure(events)).toMatchObject({
      logicalId: 'TargetGroup',
      reason: 'limit reached',
    });
  });
});
