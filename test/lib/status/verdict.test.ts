import { describe, expect, it } from 'vitest';
import { verdictOf } from '@/lib/status/verdict';
import {
  controller,
  DRAINING_TARGET,
  jenkins,
  MISMATCH_TARGET,
  RUNNING_TASK,
  stack,
  STOPPED_TASK,
} from '../../fixtures/status/states';

describe('stack verdict', () => {
  it('is Healthy only when every layer agrees', () => {
    const verdict = verdictOf({
      stack: stack(),
      controller: controller(),
      jenkins: jenkins(),
      headroom: 3,
    });
    expect(verdict).toMatchObject({ level: 'Healthy', layer: undefined });
  });

  it('says Down with the failed create for ROLLBACK_COMPLETE', () => {
    const verdict = verdictOf({
      stack: stack({
        status: 'ROLLBACK_COMPLETE',
        statusReason: 'The following resource(s) failed to create: [Cluster].',
      }),
      controller: undefined,
      jenkins: undefined,
      headroom: undefined,
    });
    expect(verdict).toMatchObject({ level: 'Down', layer: 'stack' });
    expect(verdict.cause).toMatch(/failed to create/);
  });

  it('says Degraded for UPDATE_ROLLBACK_FAILED and points to continuing the rollback (C18)', () => {
    const verdict = verdictOf({
      stack: stack({ status: 'UPDATE_ROLLBACK_FAILED' }),
      controller: controller(),
      jenkins: jenkins(),
      headroom: 1,
    });
    expect(verdict).toMatchObject({ level: 'Degraded', layer: 'stack' });
    expect(verdict.cause).toMatch(/Continue the rollback/);
  });

  it('names the stopped reason while a rollout waits for capacity (C17)', () => {
    const verdict = verdictOf({
      stack: stack({ status: 'UPDATE_IN_PROGRESS' }),
      controller: controller({
        running: 0,
        deployments: [
          { ...controller().deployments[0]!, rolloutState: 'IN_PROGRESS', running: 0 },
          { ...controller().deployments[0]!, id: 'ecs-svc/0', status: 'ACTIVE', running: 0 },
        ],
        tasks: [STOPPED_TASK],
        targets: [],
      }),
      jenkins: jenkins({ reachable: false }),
      headroom: 0,
    });
    expect(verdict.level).toBe('Progressing');
    expect(verdict.layer).toBe('stack');
    expect(verdict.cause).toMatch(/deployment is rolling out/);
    expect(verdict.cause).toMatch(/Essential container in task exited/);
  });

  it('reports a circuit-breaker rollback from ECS even when the stack looks fine (C20)', () => {
    const verdict = verdictOf({
      stack: stack({ status: 'UPDATE_ROLLBACK_COMPLETE' }),
      controller: controller({
        deployments: [
          controller().deployments[0]!,
          {
            ...controller().deployments[0]!,
            id: 'ecs-svc/2',
            status: 'ACTIVE',
            rolloutState: 'FAILED',
            rolloutStateReason: 'circuit breaker: tasks kept failing to start',
            desired: 0,
            failedTasks: 3,
          },
        ],
      }),
      jenkins: jenkins(),
      headroom: 2,
    });
    expect(verdict).toMatchObject({ level: 'Degraded', layer: 'rollout' });
    expect(verdict.cause).toMatch(/circuit breaker/);
  });

  it('warns when ECS runs another task definition than the stack declares (C20)', () => {
    const verdict = verdictOf({
      stack: stack(),
      controller: controller({ taskDefinitionMismatch: true }),
      jenkins: jenkins(),
      headroom: 1,
    });
    expect(verdict).toMatchObject({ level: 'Degraded', layer: 'rollout' });
  });

  it('is never green on running == desired when the target is unhealthy (C21)', () => {
    const verdict = verdictOf({
      stack: stack(),
      controller: controller({
        targets: [MISMATCH_TARGET],
        healthCheck: {
          path: '/',
          port: '8080',
          matcher: '200',
          intervalSeconds: 15,
          healthyThreshold: 2,
        },
        events: [
          {
            id: 'e1',
            at: '2026-12-02T10:10:00.000Z',
            message: '(service jenkins-controller) has stopped 1 running tasks: (task 1111aaaa).',
          },
        ],
      }),
      jenkins: jenkins(),
      headroom: 1,
    });
    expect(verdict).toMatchObject({ level: 'Down', layer: 'target' });
    expect(verdict.summary).toBe(
      'Jenkins is running but the load balancer marks it unhealthy (response code 403).',
    );
    expect(verdict.cause).toMatch(/wrong health-check path/);
    expect(verdict.cause).toMatch(/path \/, port 8080, matcher 200/);
    expect(verdict.cause).toMatch(/1 task replacement/);
  });

  it('calls a draining target with no healthy one Progressing', () => {
    const verdict = verdictOf({
      stack: stack(),
      controller: controller({ targets: [DRAINING_TARGET] }),
      jenkins: jenkins(),
      headroom: 1,
    });
    expect(verdict).toMatchObject({ level: 'Progressing', layer: 'target' });
  });

  it('goes Degraded when a task stopped and no replacement runs yet', () => {
    const verdict = verdictOf({
      stack: stack(),
      controller: controller({ desired: 2, running: 1, tasks: [RUNNING_TASK, STOPPED_TASK] }),
      jenkins: jenkins(),
      headroom: 1,
    });
    expect(verdict).toMatchObject({ level: 'Degraded', layer: 'rollout' });
    expect(verdict.cause).toMatch(/Essential container in task exited/);
  });

  it('says the controller is off when its desired count is 0', () => {
    const verdict = verdictOf({
      stack: stack(),
      controller: controller({ desired: 0, running: 0, tasks: [], targets: [] }),
      jenkins: undefined,
      headroom: undefined,
    });
    expect(verdict).toMatchObject({
      level: 'Down',
      layer: 'rollout',
      summary: 'The controller is turned off (desired count 0).',
    });
  });

  it('names a stuck queue at the cap with its cause', () => {
    const verdict = verdictOf({
      stack: stack(),
      controller: controller(),
      jenkins: jenkins({ queueLength: 5, stuckItems: 3 }),
      headroom: 0,
    });
    expect(verdict).toMatchObject({ level: 'Degraded', layer: 'queue' });
    expect(verdict.cause).toMatch(/instance cap/);
  });

  it('calls slow Jenkins Degraded with its response time', () => {
    const verdict = verdictOf({
      stack: stack(),
      controller: controller(),
      jenkins: jenkins({ responseMs: 4500 }),
      headroom: 1,
    });
    expect(verdict).toMatchObject({ level: 'Degraded', layer: 'jenkins' });
    expect(verdict.summary).toMatch(/4500 ms/);
  });

  it('says Unknown when the service could not be read', () => {
    const verdict = verdictOf({
      stack: stack(),
      controller: undefined,
      jenkins: undefined,
      headroom: undefined,
    });
    expect(verdict.level).toBe('Unknown');
  });

  it('reports a missing service from ECS failures as Down (C23)', () => {
    const verdict = verdictOf({
      stack: stack(),
      controller: controller({
        serviceStatus: 'MISSING',
        desired: 0,
        running: 0,
        tasks: [],
        targets: [],
        deployments: [],
      }),
      jenkins: undefined,
      headroom: undefined,
    });
    expect(verdict).toMatchObject({ level: 'Down', layer: 'rollout' });
    expect(verdict.summary).toMatch(/not found in cluster jenkins-ctl-cluster/);
  });
});
