import type { Deployment, EcsService, RegionState, Task } from '../world/state';
import type { World } from '../world/world';
import { containerDefinition } from '../services/ecs/views';
import { serviceEvent, stepTask, stopTask } from './ecs-tasks';

/** After a failed task ECS waits before it starts the next one. */
const RELAUNCH_BACKOFF_MS = 10_000;
/** ECS repeats the steady-state event about every six hours. */
const STEADY_EVENT_REPEAT_MS = 6 * 60 * 60_000;

/** The reason CloudFormation reports when the deployment circuit breaker trips. */
export const CIRCUIT_BREAKER_REASON =
  "Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'.";

/**
 * One step of the ECS service scheduler for a region: tasks move through their lifecycle,
 * services start and stop tasks toward their desired count within the deployment's
 * maximum/minimum percent, replace tasks that fail load-balancer health checks after the grace
 * period, complete or fail deployments (circuit breaker, with rollback when enabled) and write
 * service events in ECS's wording.
 */
export function stepEcs(world: World, region: RegionState, now: number): void {
  for (const task of Object.values(region.tasks)) stepTask(world, region, task, now);
  for (const service of Object.values(region.services)) stepService(world, region, service, now);
}

function stepService(world: World, region: RegionState, service: EcsService, now: number): void {
  if (service.status === 'INACTIVE') return;
  const primary = service.deployments.find((deployment) => deployment.status === 'PRIMARY');
  if (!primary) return;
  const desired = service.status === 'DRAINING' ? 0 : service.desiredCount;
  primary.desiredCount = desired;

  replaceUnhealthyTasks(world, region, service, now);
  tripCircuitBreaker(world, service, primary, now);

  const current =
    service.deployments.find((deployment) => deployment.status === 'PRIMARY') ?? primary;
  const healthyPrimary = live(region, service).filter(
    (task) => task.deploymentId === current.id && isHealthy(region, service, task),
  ).length;

  for (const old of service.deployments.filter((deployment) => deployment !== current)) {
    old.desiredCount = 0;
    const overlapAllowed = service.maximumPercent > 100;
    if (overlapAllowed && healthyPrimary < desired) continue;
    for (const task of live(region, service).filter(
      (candidate) => candidate.deploymentId === old.id,
    )) {
      stopTask(world, region, task, {
        reason: `Scaling activity initiated by (deployment ${old.id})`,
        stopCode: 'ServiceSchedulerInitiated',
      });
    }
  }

  scaleDeployment(world, region, service, current, desired, now);
  finishDeployment(world, region, service, current, desired, now);

  if (
    service.status === 'DRAINING' &&
    Object.values(region.tasks).every(
      (task) => task.serviceArn !== service.serviceArn || task.lastStatus === 'STOPPED',
    )
  ) {
    service.status = 'INACTIVE';
  }
}

/** Tasks the service still wants running (desired status RUNNING). */
function live(region: RegionState, service: EcsService): Task[] {
  return Object.values(region.tasks).filter(
    (task) => task.serviceArn === service.serviceArn && task.desiredStatus === 'RUNNING',
  );
}

/** RUNNING and, behind a load balancer, healthy in every target group (what ECS waits for). */
export function isHealthy(region: RegionState, service: EcsService, task: Task): boolean {
  if (task.lastStatus !== 'RUNNING') return false;
  return service.loadBalancers.every((balancer) => {
    const group = region.targetGroups[balancer.targetGroupArn];
    if (!group || !group.healthCheck.enabled) return true;
    const target = group.targets.find(
      (candidate) => candidate.id === task.privateIp && candidate.port === balancer.containerPort,
    );
    return target?.state === 'healthy';
  });
}

function replaceUnhealthyTasks(
  world: World,
  region: RegionState,
  service: EcsService,
  now: number,
): void {
  for (const task of live(region, service)) {
    if (task.lastStatus !== 'RUNNING') continue;
    if (now - (task.startedAt ?? now) < service.healthCheckGracePeriodSeconds * 1000) continue;
    for (const balancer of service.loadBalancers) {
      const group = region.targetGroups[balancer.targetGroupArn];
      const target = group?.targets.find(
        (candidate) => candidate.id === task.privateIp && candidate.port === balancer.containerPort,
      );
      if (!group || target?.state !== 'unhealthy') continue;
      serviceEvent(
        world,
        service,
        `(port ${balancer.containerPort}) is unhealthy in (target-group ${group.targetGroupArn}) due to (reason ${target.description ?? 'Health checks failed'}).`,
      );
      stopTask(world, region, task, {
        reason: `Task failed ELB health checks in (target-group ${group.targetGroupArn})`,
        stopCode: 'ServiceSchedulerInitiated',
        failed: true,
      });
      service.nextLaunchAt = now + RELAUNCH_BACKOFF_MS;
      break;
    }
  }
}

function scaleDeployment(
  world: World,
  region: RegionState,
  service: EcsService,
  deployment: Deployment,
  desired: number,
  now: number,
): void {
  const mine = live(region, service).filter((task) => task.deploymentId === deployment.id);

  for (const task of mine.slice(desired)) {
    stopTask(world, region, task, {
      reason: `Scaling activity initiated by (deployment ${deployment.id})`,
      stopCode: 'ServiceSchedulerInitiated',
    });
  }

  if (deployment.rolloutState === 'FAILED' && service.circuitBreaker.enable) return;
  const ceiling = Math.max(desired, Math.floor((desired * service.maximumPercent) / 100));
  let running = live(region, service).length;
  let count = mine.length;
  while (count < desired && running < ceiling && now >= service.nextLaunchAt) {
    startTask(world, region, service, deployment, now);
    count += 1;
    running += 1;
  }
}

function startTask(
  world: World,
  region: RegionState,
  service: EcsService,
  deployment: Deployment,
  now: number,
): void {
  const definition = region.taskDefinitions[deployment.taskDefinition];
  const balancer = service.loadBalancers[0];
  const container = containerDefinition(definition, balancer?.containerName);
  const subnetId =
    service.subnets[service.startedTasks % Math.max(1, service.subnets.length)] ?? '';
  const subnet = region.subnets[subnetId];
  service.startedTasks += 1;

  const id = world.random.hex(32);
  const clusterName = service.clusterArn.slice(service.clusterArn.lastIndexOf('/') + 1);
  const taskArn = service.serviceArn.replace(/:service\/.*$/, `:task/${clusterName}/${id}`);
  const portMapping = ((container?.portMappings ?? []) as { containerPort?: number }[])[0];

  region.tasks[taskArn] = {
    taskArn,
    clusterArn: service.clusterArn,
    serviceArn: service.serviceArn,
    deploymentId: deployment.id,
    group: `service:${service.serviceName}`,
    startedBy: deployment.id,
    taskDefinitionArn: deployment.taskDefinition,
    launchType: service.launchType,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    statusSince: now,
    createdAt: now,
    containerName: String(container?.name ?? balancer?.containerName ?? 'app'),
    containerPort:
      balancer?.containerPort ??
      (portMapping?.containerPort === undefined ? undefined : Number(portMapping.containerPort)),
    cpu: String(definition?.definition.cpu ?? '1024'),
    memory: String(definition?.definition.memory ?? '2048'),
    privateIp: subnet ? world.privateIp(subnet) : `10.0.200.${world.random.int(4, 250)}`,
    subnetId,
    availabilityZone: subnet?.availabilityZone ?? '',
    eniId: world.ec2Id('eni'),
  };
  serviceEvent(world, service, `has started 1 tasks: (task ${id}).`);
}

function finishDeployment(
  world: World,
  region: RegionState,
  service: EcsService,
  deployment: Deployment,
  desired: number,
  now: number,
): void {
  const tasks = Object.values(region.tasks).filter(
    (task) => task.serviceArn === service.serviceArn,
  );
  const mine = tasks.filter(
    (task) => task.deploymentId === deployment.id && task.desiredStatus === 'RUNNING',
  );
  const healthy = mine.filter((task) => isHealthy(region, service, task)).length;
  const othersGone = tasks.every(
    (task) => task.deploymentId === deployment.id || task.lastStatus === 'STOPPED',
  );
  const stable = healthy === desired && mine.length === desired && othersGone;

  if (stable && deployment.rolloutState === 'IN_PROGRESS') {
    deployment.rolloutState = 'COMPLETED';
    deployment.rolloutStateReason = `ECS deployment ${deployment.id} completed.`;
    deployment.updatedAt = now;
    service.outcomes[deployment.id] = { state: 'COMPLETED', reason: deployment.rolloutStateReason };
    service.lastCompletedTaskDefinition = deployment.taskDefinition;
    service.deployments = [deployment];
    serviceEvent(world, service, `(deployment ${deployment.id}) deployment completed.`);
  }

  if (stable && service.deployments.length === 1) {
    if (
      service.steadyEventAt === undefined ||
      now - service.steadyEventAt >= STEADY_EVENT_REPEAT_MS
    ) {
      service.steadyEventAt = now;
      serviceEvent(world, service, 'has reached a steady state.');
    }
  } else {
    service.steadyEventAt = undefined;
  }
}

function tripCircuitBreaker(
  world: World,
  service: EcsService,
  deployment: Deployment,
  now: number,
): void {
  if (!service.circuitBreaker.enable || deployment.rolloutState !== 'IN_PROGRESS') return;
  const threshold = Math.min(200, Math.max(3, Math.ceil(deployment.desiredCount * 0.5)));
  if (deployment.failedTasks < threshold) return;

  deployment.rolloutState = 'FAILED';
  deployment.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
  deployment.updatedAt = now;
  service.outcomes[deployment.id] = { state: 'FAILED', reason: CIRCUIT_BREAKER_REASON };
  serviceEvent(
    world,
    service,
    `(deployment ${deployment.id}) deployment failed: tasks failed to start.`,
  );

  const previous = service.lastCompletedTaskDefinition;
  if (!service.circuitBreaker.rollback || !previous || previous === deployment.taskDefinition)
    return;
  deployment.status = 'ACTIVE';
  const rollback = newDeployment(world, previous, service.desiredCount, now);
  rollback.rolloutStateReason = `ECS deployment circuit breaker: rolling back to deploymentId ${rollback.id}.`;
  service.deployments.unshift(rollback);
  service.taskDefinition = previous;
  serviceEvent(
    world,
    service,
    `(deployment ${deployment.id}) deployment failed: rolling back to task definition ${previous}.`,
  );
}

/** A new PRIMARY deployment, IN_PROGRESS, as UpdateService or a create starts it. */
export function newDeployment(
  world: World,
  taskDefinition: string,
  desiredCount: number,
  now: number,
): Deployment {
  return {
    id: `ecs-svc/${String(world.random.int(1, 9))}${Array.from({ length: 18 }, () => world.random.int(0, 9)).join('')}`,
    status: 'PRIMARY',
    taskDefinition,
    desiredCount,
    failedTasks: 0,
    createdAt: now,
    updatedAt: now,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: 'ECS deployment in progress.',
  };
}
