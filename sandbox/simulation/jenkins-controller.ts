import { containerDefinition } from '../services/ecs/views';
import type { EcsService, JenkinsController, RegionState, Task } from '../world/state';

/** Sim milliseconds from container start until Jenkins answers `/login` with 200. */
export const JENKINS_BOOT_MS = 20_000;

/**
 * A new controller's build demand: enough to fill the demo's default cap of 10 agents and any
 * raise up to 12 (the JCasC template gives each agent 2 executors, so 24 builds want 12 agents).
 */
export const DEFAULT_BUILD_DEMAND = 24;

/** The Jenkins controller of an ECS service (JENKINS_HOME outlives its tasks). */
export function controllerOf(region: RegionState, service: EcsService): JenkinsController {
  let controller = region.controllers[service.serviceArn];
  if (!controller) {
    controller = {
      serviceArn: service.serviceArn,
      clusterArn: service.clusterArn,
      stackName: service.stackName,
      demand: DEFAULT_BUILD_DEMAND,
      nextQueueId: 1,
      agents: {},
    };
    region.controllers[service.serviceArn] = controller;
  }
  return controller;
}

/** Whether Jenkins in this task is up (the container runs and Jenkins has finished starting). */
export function jenkinsReady(task: Task, now: number): boolean {
  return task.lastStatus === 'RUNNING' && now - (task.startedAt ?? now) >= JENKINS_BOOT_MS;
}

/** The controller task that serves Jenkins now, if any. */
export function servingTask(
  region: RegionState,
  service: EcsService,
  now: number,
): Task | undefined {
  return Object.values(region.tasks).find(
    (task) =>
      task.serviceArn === service.serviceArn &&
      task.desiredStatus === 'RUNNING' &&
      jenkinsReady(task, now),
  );
}

/** The task's container environment, including secrets (their values are not simulated). */
export function environmentOf(region: RegionState, task: Task): Record<string, string> {
  const container = containerDefinition(
    region.taskDefinitions[task.taskDefinitionArn],
    task.containerName,
  );
  const environment: Record<string, string> = {};
  for (const entry of (container?.environment ?? []) as { name?: unknown; value?: unknown }[]) {
    if (typeof entry.name === 'string') environment[entry.name] = String(entry.value ?? '');
  }
  for (const entry of (container?.secrets ?? []) as { name?: unknown; valueFrom?: unknown }[]) {
    if (typeof entry.name === 'string')
      environment[entry.name] = `secret:${String(entry.valueFrom ?? '')}`;
  }
  return environment;
}
