import { describe, expect, it } from 'vitest';
import { likelyRootFailure } from '@/components/launch/root-failure';
import { newestFirst, stackEvent } from './timeline';

describe('likely root failure', () => {
  it('names the earliest failure that is not a cancellation', () => {
    const timeline = newestFirst([
      stackEvent('2024-05-01T10:00:00Z', 'jenkins-ctl', 'CREATE_IN_PROGRESS', 'User Initiated'),
      stackEvent('2024-05-01T10:00:05Z', 'FileSystem', 'CREATE_IN_PROGRESS'),
      stackEvent('2024-05-01T10:00:06Z', 'LoadBalancer', 'CREATE_IN_PROGRESS'),
      stackEvent(
        '2024-05-01T10:01:00Z',
        'LoadBalancer',
        'CREATE_FAILED',
        'At least two subnets in two different Availability Zones must be specified',
      ),
      stackEvent(
        '2024-05-01T10:01:01Z',
        'FileSystem',
        'CREATE_FAILED',
        'Resource creation cancelled',
      ),
      stackEvent(
        '2024-05-01T10:01:02Z',
        'jenkins-ctl',
        'ROLLBACK_IN_PROGRESS',
        'The following resource(s) failed to create: [FileSystem, LoadBalancer].',
      ),
      stackEvent('2024-05-01T10:03:00Z', 'FileSystem', 'DELETE_FAILED', 'Mount targets exist'),
    ]);

    expect(likelyRootFailure(timeline)).toMatchObject({
      logicalId: 'LoadBalancer',
      status: 'CREATE_FAILED',
      reason: 'At least two subnets in two different Availability Zones must be specified',
      at: '2024-05-01T10:01:00Z',
    });
  });

  it('keeps CloudFormation’s order between failures at the same second', () => {
    const timeline = newestFirst([
      stackEvent('2024-05-01T10:01:00Z', 'Role', 'CREATE_FAILED', 'Access denied'),
      stackEvent('2024-05-01T10:01:00Z', 'Policy', 'CREATE_FAILED', 'Role not found'),
    ]);

    expect(likelyRootFailure(timeline)?.logicalId).toBe('Role');
  });

  it('finds nothing when only cancellations or no failures happened', () => {
    const timeline = newestFirst([
      stackEvent('2024-05-01T10:00:00Z', 'LogGroup', 'CREATE_COMPLETE'),
      stackEvent(
        '2024-05-01T10:01:01Z',
        'FileSystem',
        'CREATE_FAILED',
        'Resource creation cancelled',
      ),
    ]);

    expect(likelyRootFailure(timeline)).toBeUndefined();
  });
});
