import type { ResourceProvider, Settlement } from '../core/provider';
import { findCluster } from '../services/ecs/lookup';
import { isHealthy, newDeployment } from '../simulation/ecs-scheduler';
import { serviceEvent } from '../simulation/ecs-tasks';
import { controllerOf } from '../simulation/jenkins-controller';
import type { EcsService, RegionState } from '../world/state';
import type { World } from '../world/world';
import {
  flag,
  generatedName,
  numberOr,
  records,
  regionOfArn,
  text,
  toApiShape,
} from './properties';

/** AWS::ECS::Cluster (Ref → name), TaskDefinition (Ref → ARN) and Service (Ref → ARN). */
export function ecsProviders(world: World): Record<string, ResourceProvider> {
  const cluster: ResourceProvider = {
    create(request) {
      const region = world.region(request.region);
      const name = text(request.properties.ClusterName) || generatedName(world, request);
      const arn = world.arn('ecs', request.region, `cluster/${name}`);
      if (region.clusters[arn]?.status === 'ACTIVE') {
        throw new Error(
          `Resource of type 'AWS::ECS::Cluster' with identifier '${name}' already exists.`,
        );
      }
      region.clusters[arn] = {
        clusterArn: arn,
        clusterName: name,
        status: 'ACTIVE',
        settings: records(request.properties.ClusterSettings).map((setting) => ({
          name: text(setting.Name),
          value: text(setting.Value),
        })),
        tags: records(request.properties.Tags).map((tag) => ({
          key: text(tag.Key),
          value: text(tag.Value),
        })),
        stackName: request.stackName,
      };
      return { physicalId: name, attributes: { Arn: arn } };
    },
    update(request) {
      const arn = world.arn('ecs', request.region, `cluster/${request.physicalId}`);
      const existing = world.region(request.region).clusters[arn];
      if (existing) {
        existing.settings = records(request.properties.ClusterSettings).map((setting) => ({
          name: text(setting.Name),
          value: text(setting.Value),
        }));
      }
      return { physicalId: request.physicalId, attributes: { Arn: arn } };
    },
    delete(request) {
      const region = world.region(request.region);
      const existing =
        region.clusters[world.arn('ecs', request.region, `cluster/${request.physicalId}`)];
      if (!existing) return;
      const busy = Object.values(region.services).some(
        (service) => service.clusterArn === existing.clusterArn && service.status !== 'INACTIVE',
      );
      if (busy) throw new Error('The Cluster cannot be deleted while Services are active.');
      existing.status = 'INACTIVE';
    },
  };

  const taskDefinition: ResourceProvider = {
    create(request) {
      const region = world.region(request.region);
      const family = text(request.properties.Family) || generatedName(world, request);
      const revision =
        Math.max(
          0,
          ...Object.values(region.taskDefinitions)
            .filter((definition) => definition.family === family)
            .map((definition) => definition.revision),
        ) + 1;
      const arn = world.arn('ecs', request.region, `task-definition/${family}:${revision}`);
      const rest = Object.fromEntries(
        Object.entries(request.properties).filter(([key]) => key !== 'Family' && key !== 'Tags'),
      );
      const definition = toApiShape(rest) as Record<string, unknown>;
      if (definition.cpu !== undefined) definition.cpu = String(definition.cpu);
      if (definition.memory !== undefined) definition.memory = String(definition.memory);
      region.taskDefinitions[arn] = {
        taskDefinitionArn: arn,
        family,
        revision,
        status: 'ACTIVE',
        definition,
        registeredAt: world.now(),
      };
      return { physicalId: arn, attributes: { TaskDefinitionArn: arn } };
    },
    update(request) {
      // Every task definition property requires replacement, so the engine never updates in place;
      // register a new revision if asked anyway, as the ECS API would.
      return taskDefinition.create(request);
    },
    delete(request) {
      const existing = world.region(request.region).taskDefinitions[request.physicalId];
      if (existing) existing.status = 'INACTIVE';
    },
  };

  const service: ResourceProvider = {
    create(request) {
      const region = world.region(request.region);
      const props = request.properties;
      const owner = findCluster(region, text(props.Cluster, 'default'));
      if (!owner || owner.status !== 'ACTIVE') throw invalid('CreateService', 'Cluster not found.');
      const taskDefinitionArn = resolveTaskDefinition(region, text(props.TaskDefinition));
      const name = text(props.ServiceName) || generatedName(world, request);
      const arn = world.arn('ecs', request.region, `service/${owner.clusterName}/${name}`);
      if (region.services[arn] && region.services[arn].status !== 'INACTIVE') {
        throw invalid('CreateService', 'Creation of service was not idempotent.');
      }
      const loadBalancers = loadBalancersOf(props);
      checkLoadBalancers(region, loadBalancers);

      const now = world.now();
      const deployment = newDeployment(world, taskDefinitionArn, desiredOf(props), now);
      const created: EcsService = {
        serviceArn: arn,
        serviceName: name,
        clusterArn: owner.clusterArn,
        status: 'ACTIVE',
        taskDefinition: taskDefinitionArn,
        desiredCount: desiredOf(props),
        launchType: text(props.LaunchType, 'FARGATE'),
        platformVersion: text(props.PlatformVersion, 'LATEST'),
        loadBalancers,
        ...network(props),
        ...deploymentConfiguration(props),
        healthCheckGracePeriodSeconds: numberOr(props.HealthCheckGracePeriodSeconds, 0),
        enableExecuteCommand: flag(props.EnableExecuteCommand),
        propagateTags: props.PropagateTags === undefined ? undefined : text(props.PropagateTags),
        deployments: [deployment],
        events: [],
        createdAt: now,
        tags: records(props.Tags).map((tag) => ({ key: text(tag.Key), value: text(tag.Value) })),
        stackName: request.stackName,
        outcomes: {},
        watchedDeploymentId: deployment.id,
        startedTasks: 0,
        nextLaunchAt: now,
      };
      region.services[arn] = created;
      controllerOf(region, created);
      return { physicalId: arn, attributes: { Name: name, ServiceArn: arn } };
    },

    update(request) {
      const region = world.region(request.region);
      const existing = region.services[request.physicalId];
      if (!existing || existing.status !== 'ACTIVE') throw new Error('Service not found.');
      const props = request.properties;
      const taskDefinitionArn = resolveTaskDefinition(region, text(props.TaskDefinition));
      const loadBalancers = loadBalancersOf(props);
      checkLoadBalancers(region, loadBalancers);
      const networkNow = network(props);
      const redeploy =
        taskDefinitionArn !== existing.taskDefinition ||
        JSON.stringify(loadBalancers) !== JSON.stringify(existing.loadBalancers) ||
        JSON.stringify(networkNow) !== JSON.stringify(network(request.previousProperties)) ||
        text(props.PlatformVersion, 'LATEST') !== existing.platformVersion;

      Object.assign(existing, networkNow, deploymentConfiguration(props), {
        desiredCount: desiredOf(props),
        taskDefinition: taskDefinitionArn,
        loadBalancers,
        platformVersion: text(props.PlatformVersion, 'LATEST'),
        healthCheckGracePeriodSeconds: numberOr(props.HealthCheckGracePeriodSeconds, 0),
        enableExecuteCommand: flag(props.EnableExecuteCommand),
      });

      const now = world.now();
      const primary = existing.deployments.find((deployment) => deployment.status === 'PRIMARY');
      if (redeploy || !primary) {
        for (const deployment of existing.deployments) deployment.status = 'ACTIVE';
        const deployment = newDeployment(world, taskDefinitionArn, existing.desiredCount, now);
        existing.deployments.unshift(deployment);
        existing.watchedDeploymentId = deployment.id;
        existing.nextLaunchAt = now;
      } else {
        primary.desiredCount = existing.desiredCount;
        primary.updatedAt = now;
        existing.watchedDeploymentId = primary.id;
      }
      return {
        physicalId: request.physicalId,
        attributes: { Name: existing.serviceName, ServiceArn: existing.serviceArn },
      };
    },

    delete(request) {
      const region = world.region(request.region);
      const existing = region.services[request.physicalId];
      if (!existing || existing.status !== 'ACTIVE') return;
      existing.desiredCount = 0;
      existing.status = 'DRAINING';
      existing.deletedAt = world.now();
      serviceEvent(world, existing, 'has begun draining.');
    },

    settle(physicalId): Settlement {
      const region = world.region(regionOfArn(physicalId));
      const existing = region.services[physicalId];
      if (!existing) return { state: 'failed', reason: 'Service not found.' };
      const outcome = existing.outcomes[existing.watchedDeploymentId];
      if (outcome?.state === 'FAILED') return { state: 'failed', reason: outcome.reason };
      return isStable(region, existing) ? { state: 'settled' } : { state: 'pending' };
    },

    settleDeletion(physicalId): Settlement {
      const existing = world.region(regionOfArn(physicalId)).services[physicalId];
      return existing === undefined || existing.status === 'INACTIVE'
        ? { state: 'settled' }
        : { state: 'pending' };
    },
  };

  return {
    'AWS::ECS::Cluster': cluster,
    'AWS::ECS::TaskDefinition': taskDefinition,
    'AWS::ECS::Service': service,
  };
}

/** ECS's "services stable": one deployment, completed, and running = desired (all healthy). */
export function isStable(region: RegionState, service: EcsService): boolean {
  const [only, ...others] = service.deployments;
  if (!only || others.length > 0 || only.rolloutState !== 'COMPLETED') return false;
  const tasks = Object.values(region.tasks).filter(
    (task) => task.serviceArn === service.serviceArn && task.desiredStatus === 'RUNNING',
  );
  return (
    tasks.length === service.desiredCount && tasks.every((task) => isHealthy(region, service, task))
  );
}

function resolveTaskDefinition(region: RegionState, reference: string): string {
  const found =
    region.taskDefinitions[reference] ??
    Object.values(region.taskDefinitions).find(
      (definition) => `${definition.family}:${definition.revision}` === reference,
    );
  if (!found || found.status !== 'ACTIVE') {
    throw invalid('CreateService', `TaskDefinition not found.`);
  }
  return found.taskDefinitionArn;
}

function loadBalancersOf(props: Record<string, unknown>): EcsService['loadBalancers'] {
  return records(props.LoadBalancers).map((balancer) => ({
    targetGroupArn: text(balancer.TargetGroupArn),
    containerName: text(balancer.ContainerName),
    containerPort: numberOr(balancer.ContainerPort, 80),
  }));
}

/** ECS refuses a target group that no load balancer listener forwards to. */
function checkLoadBalancers(region: RegionState, balancers: EcsService['loadBalancers']): void {
  for (const balancer of balancers) {
    const attached = Object.values(region.listeners).some((listener) =>
      listener.defaultActions.some((action) => action.TargetGroupArn === balancer.targetGroupArn),
    );
    if (!region.targetGroups[balancer.targetGroupArn] || !attached) {
      throw invalid(
        'CreateService',
        `The target group with targetGroupArn ${balancer.targetGroupArn} does not have an associated load balancer.`,
      );
    }
  }
}

function network(
  props: Record<string, unknown>,
): Pick<EcsService, 'subnets' | 'securityGroups' | 'assignPublicIp'> {
  const configuration = ((props.NetworkConfiguration ?? {}) as Record<string, unknown>)
    .AwsvpcConfiguration as Record<string, unknown> | undefined;
  return {
    subnets: (Array.isArray(configuration?.Subnets) ? configuration.Subnets : []).map(String),
    securityGroups: (Array.isArray(configuration?.SecurityGroups)
      ? configuration.SecurityGroups
      : []
    ).map(String),
    assignPublicIp:
      text(configuration?.AssignPublicIp, 'DISABLED') === 'ENABLED' ? 'ENABLED' : 'DISABLED',
  };
}

function deploymentConfiguration(
  props: Record<string, unknown>,
): Pick<EcsService, 'maximumPercent' | 'minimumHealthyPercent' | 'circuitBreaker'> {
  const configuration = (props.DeploymentConfiguration ?? {}) as Record<string, unknown>;
  const breaker = (configuration.DeploymentCircuitBreaker ?? {}) as Record<string, unknown>;
  return {
    maximumPercent: numberOr(configuration.MaximumPercent, 200),
    minimumHealthyPercent: numberOr(configuration.MinimumHealthyPercent, 100),
    circuitBreaker: { enable: flag(breaker.Enable), rollback: flag(breaker.Rollback) },
  };
}

function desiredOf(props: Record<string, unknown>): number {
  return numberOr(props.DesiredCount, 1);
}

function invalid(operation: string, message: string): Error {
  return new Error(
    `Resource handler returned message: "Invalid request provided: ${operation} error: ${message}"`,
  );
}
