import { describe, expect, it } from 'vitest';
import { mergeTimeline, targetTransitions } from '@/lib/status/timeline';

describe('timeline', () => {
  it('merges stack, service and target entries newest first, keeping order for equal times', () => {
    const entries = mergeTimeline({
      stackEvents: [
        {
          eventId: 'e2',
          at: '2026-12-03T10:02:05.000Z',
          logicalId: 'ControllerService',
          resourceType: 'AWS::ECS::Service',
          status: 'UPDATE_IN_PROGRESS',
          reason: undefined,
        },
        {
          eventId: 'e1',
          at: '2026-12-03T10:02:05.000Z',
          logicalId: 'ControllerTaskDef',
          resourceType: 'AWS::ECS::TaskDefinition',
          status: 'UPDATE_FAILED',
          reason: 'boom',
        },
      ],
      serviceEvents: [
        {
          id: 's1',
          at: '2026-12-03T10:03:00.000Z',
          message:
            '(service jenkins-controller) was unable to place a task because no container instance met all of its requirements.',
        },
        {
          id: 's0',
          at: '2026-12-03T10:01:00.000Z',
          message: '(service jenkins-controller) has reached a steady state.',
        },
      ],
      targetTransitions: [
        {
          at: '2026-12-03T10:04:00.000Z',
          targetId: '10.0.1.5',
          from: 'healthy',
          to: 'unhealthy',
          reason: 'Target.FailedHealthChecks',
          description: 'Health checks failed',
        },
      ],
    });
    expect(entries.map((entry) => [entry.source, entry.failure])).toEqual([
      ['target', true],
      ['service', true],
      ['stack', false],
      ['stack', true],
      ['service', false],
    ]);
    expect(entries[2]?.title).toBe('ControllerService UPDATE_IN_PROGRESS');
  });

  it('records target state changes between two snapshots, including deregistration', () => {
    const transitions = targetTransitions(
      [
        {
          id: '10.0.1.5',
          port: 8080,
          state: 'initial',
          reason: 'Elb.InitialHealthChecking',
          description: undefined,
        },
        {
          id: '10.0.1.6',
          port: 8080,
          state: 'draining',
          reason: undefined,
          description: undefined,
        },
      ],
      [{ id: '10.0.1.5', port: 8080, state: 'healthy', reason: undefined, description: undefined }],
      '2026-12-03T10:05:00.000Z',
    );
    expect(transitions.map((t) => [t.targetId, t.from, t.to])).toEqual([
      ['10.0.1.5', 'initial', 'healthy'],
      ['10.0.1.6', 'draining', 'deregistered'],
    ]);
  });

  it('records nothing when nothing changed', () => {
    const targets = [
      { id: '10.0.1.5', port: 8080, state: 'healthy', reason: undefined, description: undefined },
    ];
    expect(targetTransitions(targets, targets, '2026-12-03T10:05:00.000Z')).toEqual([]);
  });
});
