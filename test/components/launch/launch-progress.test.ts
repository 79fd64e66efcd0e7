import { describe, expect, it } from 'vitest';
import { launchProgress } from '@/components/launch/launch-progress';
import type { ResourceChangeView } from '@/lib/stacks/change-set-view';
import type { TimelineEntry } from '@/lib/status/types';
import { newestFirst, stackEvent } from './timeline';

function add(logicalId: string, resourceType: string): ResourceChangeView {
  return {
    logicalId,
    physicalId: undefined,
    resourceType,
    action: 'Add',
    replacement: undefined,
    scope: [],
    details: [],
  };
}

const changeSet = {
  changes: [
    add('LogGroup', 'AWS::Logs::LogGroup'),
    add('Cluster', 'AWS::ECS::Cluster'),
    add('LoadBalancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer'),
    add('Service', 'AWS::ECS::Service'),
  ],
};

describe('launch progress', () => {
  it('counts resources with CREATE_COMPLETE against the change set’s additions', () => {
    const timeline = newestFirst([
      stackEvent('2024-05-01T10:00:00Z', 'jenkins-ctl', 'CREATE_IN_PROGRESS', 'User Initiated'),
      stackEvent('2024-05-01T10:00:01Z', 'LogGroup', 'CREATE_IN_PROGRESS'),
      stackEvent('2024-05-01T10:00:02Z', 'LogGroup', 'CREATE_COMPLETE'),
      stackEvent('2024-05-01T10:00:03Z', 'Cluster', 'CREATE_IN_PROGRESS'),
      stackEvent('2024-05-01T10:00:05Z', 'Cluster', 'CREATE_COMPLETE'),
      stackEvent('2024-05-01T10:00:06Z', 'LoadBalancer', 'CREATE_IN_PROGRESS'),
    ]);

    expect(launchProgress(changeSet, timeline)).toEqual({ total: 4, complete: 2, percent: 50 });
  });

  it('ignores the stack’s own CREATE_COMPLETE, repeats and other sources', () => {
    const service: TimelineEntry = {
      id: 'service:1',
      at: '2024-05-01T10:05:00Z',
      source: 'service',
      failure: false,
      title: 'Service CREATE_COMPLETE',
      detail: undefined,
    };
    const timeline = newestFirst([
      stackEvent('2024-05-01T10:00:02Z', 'LogGroup', 'CREATE_COMPLETE'),
      stackEvent('2024-05-01T10:00:02Z', 'LogGroup', 'CREATE_COMPLETE'),
      service,
      stackEvent('2024-05-01T10:06:00Z', 'jenkins-ctl', 'CREATE_COMPLETE'),
    ]);

    expect(launchProgress(changeSet, timeline)).toEqual({ total: 4, complete: 1, percent: 25 });
  });

  it('reports nothing to do as zero percent rather than dividing by zero', () => {
    expect(launchProgress({ changes: [] }, [])).toEqual({ total: 0, complete: 0, percent: 0 });
  });
});
