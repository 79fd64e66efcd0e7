import { taskId } from '../services/ecs/lookup';
import type { EcsService, RegionState, Task } from '../world/state';
import type { World } from '../world/world';
import { deregisterTarget, registerTarget } from './target-health';
import { unretrievableSecret } from './task-secrets';

/** Sim milliseconds per task phase (Fargate: ENI attach, image pull, teardown). */
export const TASK_TIMINGS = {
  provisioningMs: 5_000,
  pendingMs: 15_000,
  stoppingMs: 5_000,
  deprovisioningMs: 5_000,
  /** ECS shows stopped tasks for about an hour. */
  stoppedVisibleMs: 60 * 60_000,
};

/** Writes a service event in ECS's wording, e.g. `(service jenkins) has reached a steady state.` */
export function serviceEvent(world: World, service: EcsService, text: string): void {
  service.events.push({
    id: world.random.uuid(),
    createdAt: world.now(),
    message: `(service ${service.serviceName}) ${text}`,
  });
  if (service.events.length > 100) service.events.splice(0, service.events.length - 100);
}

export interface StopRequest {
  readonly reason: string;
  readonly stopCode: string;
  /** A failure (crash, failed health checks): counts toward the deployment circuit breaker. */
  readonly failed?: boolean;
  readonly exitCode?: number;
}

/**
 * Stops a task as ECS does: desired status STOPPED at once; a running task behind a load
 * balancer first deactivates (its targets drain), then stops, deprovisions and is STOPPED.
 */
export function stopTask(
  world: World,
  region: RegionState,
  task: Task,
  request: StopRequest,
): void {
  if (task.desiredStatus === 'STOPPED') return;
  const now = world.now();
  const service = region.services[task.serviceArn];

  task.desiredStatus = 'STOPPED';
  task.stoppingAt = now;
  task.stoppedReason = request.reason;
  task.stopCode = request.stopCode;
  task.exitCode = request.exitCode;
  if (request.failed) {
    task.failed = true;
    const deployment = service?.deployments.find((candidate) => candidate.id === task.deploymentId);
    if (deployment) deployment.failedTasks += 1;
  }

  const wasRunning = task.lastStatus === 'RUNNING';
  let draining = 0;
  if (service && wasRunning && task.containerPort !== undefined) {
    for (const balancer of service.loadBalancers) {
      const group = region.targetGroups[balancer.targetGroupArn];
      if (group && deregisterTarget(group, task.privateIp, balancer.containerPort, now)) {
        draining += 1;
        serviceEvent(
          world,
          service,
          `deregistered 1 targets in (target-group ${group.targetGroupArn})`,
        );
      }
    }
  }
  if (service && wasRunning) {
    if (draining > 0) serviceEvent(world, service, 'has begun draining connections on 1 tasks.');
    serviceEvent(world, service, `has stopped 1 running tasks: (task ${taskId(task)}).`);
  }
  setStatus(task, draining > 0 ? 'DEACTIVATING' : wasRunning ? 'STOPPING' : 'DEPROVISIONING', now);
}

/** Moves one task through its lifecycle; registers it with its target groups once RUNNING. */
export function stepTask(world: World, region: RegionState, task: Task, now: number): void {
  const elapsed = now - task.statusSince;
  switch (task.lastStatus) {
    case 'PROVISIONING':
      if (elapsed >= TASK_TIMINGS.provisioningMs) {
        setStatus(task, 'PENDING', now);
        task.pullStartedAt = now;
      }
      return;
    case 'PENDING':
      if (elapsed >= TASK_TIMINGS.pendingMs) {
        const missing = unretrievableSecret(region, task);
        if (missing !== undefined) {
          stopTask(world, region, task, {
            reason: missing,
            stopCode: 'TaskFailedToStart',
            failed: true,
          });
          return;
        }
        task.pullStoppedAt = now;
        task.startedAt = now;
        setStatus(task, 'RUNNING', now);
        registerWithTargetGroups(world, region, task, now);
      }
      return;
    case 'DEACTIVATING':
      if (!stillDraining(region, task)) setStatus(task, 'STOPPING', now);
      return;
    case 'STOPPING':
      if (elapsed >= TASK_TIMINGS.stoppingMs) setStatus(task, 'DEPROVISIONING', now);
      return;
    case 'DEPROVISIONING':
      if (elapsed >= TASK_TIMINGS.deprovisioningMs) {
        task.stoppedAt = now;
        setStatus(task, 'STOPPED', now);
      }
      return;
    case 'STOPPED':
      if (now - (task.stoppedAt ?? now) >= TASK_TIMINGS.stoppedVisibleMs)
        delete region.tasks[task.taskArn];
      return;
    default:
      return;
  }
}

function registerWithTargetGroups(
  world: World,
  region: RegionState,
  task: Task,
  now: number,
): void {
  const service = region.services[task.serviceArn];
  if (!service) return;
  for (const balancer of service.loadBalancers) {
    const group = region.targetGroups[balancer.targetGroupArn];
    if (!group) continue;
    registerTarget(group, task.privateIp, balancer.containerPort, task.availabilityZone, now);
    serviceEvent(world, service, `registered 1 targets in (target-group ${group.targetGroupArn})`);
  }
}

function stillDraining(region: RegionState, task: Task): boolean {
  const service = region.services[task.serviceArn];
  return (service?.loadBalancers ?? []).some((balancer) =>
    region.targetGroups[balancer.targetGroupArn]?.targets.some(
      (target) => target.id === task.privateIp && target.state === 'draining',
    ),
  );
}

function setStatus(task: Task, status: Task['lastStatus'], now: number): void {
  task.lastStatus = status;
  task.statusSince = now;
}
