import type {
  Cluster,
  Deployment,
  EcsService,
  RegionState,
  Task,
  TaskDefinition,
} from '../../world/state';
import { activeTasks } from './lookup';

const PENDING_STATUSES = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

/** Counts ECS reports for a set of tasks: running and pending. */
function counts(tasks: Task[]): { runningCount: number; pendingCount: number } {
  return {
    runningCount: tasks.filter((task) => task.lastStatus === 'RUNNING').length,
    pendingCount: tasks.filter((task) => PENDING_STATUSES.has(task.lastStatus)).length,
  };
}

export function clusterView(region: RegionState, cluster: Cluster): Record<string, unknown> {
  const tasks = Object.values(region.tasks).filter(
    (task) => task.clusterArn === cluster.clusterArn && task.lastStatus !== 'STOPPED',
  );
  const services = Object.values(region.services).filter(
    (service) => service.clusterArn === cluster.clusterArn && service.status === 'ACTIVE',
  );
  return {
    clusterArn: cluster.clusterArn,
    clusterName: cluster.clusterName,
    status: cluster.status,
    registeredContainerInstancesCount: 0,
    ...{
      runningTasksCount: counts(tasks).runningCount,
      pendingTasksCount: counts(tasks).pendingCount,
    },
    activeServicesCount: services.length,
    statistics: [],
    tags: cluster.tags,
    settings: cluster.settings,
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
  };
}

export function serviceView(region: RegionState, service: EcsService): Record<string, unknown> {
  const tasks = activeTasks(region, service);
  return {
    serviceArn: service.serviceArn,
    serviceName: service.serviceName,
    clusterArn: service.clusterArn,
    loadBalancers: service.loadBalancers,
    serviceRegistries: [],
    status: service.status,
    desiredCount: service.desiredCount,
    ...counts(tasks),
    launchType: service.launchType,
    platformVersion: service.platformVersion,
    platformFamily: 'Linux',
    taskDefinition: service.taskDefinition,
    deploymentConfiguration: {
      deploymentCircuitBreaker: service.circuitBreaker,
      maximumPercent: service.maximumPercent,
      minimumHealthyPercent: service.minimumHealthyPercent,
    },
    deployments: service.deployments.map((deployment) =>
      deploymentView(
        service,
        deployment,
        tasks.filter((task) => task.deploymentId === deployment.id),
      ),
    ),
    // Newest first, as ECS lists them (events are appended in order).
    events: [...service.events]
      .reverse()
      .slice(0, 100)
      .map((event) => ({
        id: event.id,
        createdAt: new Date(event.createdAt),
        message: event.message,
      })),
    createdAt: new Date(service.createdAt),
    placementConstraints: [],
    placementStrategy: [],
    networkConfiguration: networkConfiguration(service),
    healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
    enableECSManagedTags: false,
    propagateTags: service.propagateTags ?? 'NONE',
    enableExecuteCommand: service.enableExecuteCommand,
    tags: service.tags,
  };
}

function deploymentView(
  service: EcsService,
  deployment: Deployment,
  tasks: Task[],
): Record<string, unknown> {
  return {
    id: deployment.id,
    status: deployment.status,
    taskDefinition: deployment.taskDefinition,
    desiredCount: deployment.desiredCount,
    ...counts(tasks),
    failedTasks: deployment.failedTasks,
    createdAt: new Date(deployment.createdAt),
    updatedAt: new Date(deployment.updatedAt),
    launchType: service.launchType,
    platformVersion: '1.4.0',
    platformFamily: 'Linux',
    networkConfiguration: networkConfiguration(service),
    rolloutState: deployment.rolloutState,
    rolloutStateReason: deployment.rolloutStateReason,
  };
}

function networkConfiguration(service: EcsService): Record<string, unknown> {
  return {
    awsvpcConfiguration: {
      subnets: service.subnets,
      securityGroups: service.securityGroups,
      assignPublicIp: service.assignPublicIp,
    },
  };
}

const CONTAINER_STATUS: Record<Task['lastStatus'], string> = {
  PROVISIONING: 'PENDING',
  PENDING: 'PENDING',
  ACTIVATING: 'RUNNING',
  RUNNING: 'RUNNING',
  DEACTIVATING: 'RUNNING',
  STOPPING: 'RUNNING',
  DEPROVISIONING: 'STOPPED',
  STOPPED: 'STOPPED',
};

export function taskView(region: RegionState, task: Task): Record<string, unknown> {
  const definition = region.taskDefinitions[task.taskDefinitionArn];
  const container = containerDefinition(definition, task.containerName);
  const attachmentId = `${task.eniId.slice(4)}-attachment`;
  const stoppedContainer = CONTAINER_STATUS[task.lastStatus] === 'STOPPED';
  return {
    taskArn: task.taskArn,
    clusterArn: task.clusterArn,
    taskDefinitionArn: task.taskDefinitionArn,
    group: task.group,
    startedBy: task.startedBy,
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    healthStatus: task.healthStatus,
    launchType: task.launchType,
    platformVersion: '1.4.0',
    platformFamily: 'Linux',
    cpu: task.cpu,
    memory: task.memory,
    availabilityZone: task.availabilityZone,
    connectivity: task.startedAt ? 'CONNECTED' : undefined,
    connectivityAt: task.pullStartedAt ? new Date(task.pullStartedAt) : undefined,
    createdAt: new Date(task.createdAt),
    pullStartedAt: date(task.pullStartedAt),
    pullStoppedAt: date(task.pullStoppedAt),
    startedAt: date(task.startedAt),
    stoppingAt: date(task.stoppingAt),
    executionStoppedAt: date(task.stoppedAt),
    stoppedAt: date(task.stoppedAt),
    stoppedReason: task.stoppedReason,
    stopCode: task.stopCode,
    version: 1,
    enableExecuteCommand: false,
    ephemeralStorage: { sizeInGiB: 20 },
    tags: [],
    overrides: {
      containerOverrides: [{ name: task.containerName }],
      inferenceAcceleratorOverrides: [],
    },
    attachments: [
      {
        id: attachmentId,
        type: 'ElasticNetworkInterface',
        status: task.lastStatus === 'STOPPED' ? 'DELETED' : 'ATTACHED',
        details: [
          { name: 'subnetId', value: task.subnetId },
          { name: 'networkInterfaceId', value: task.eniId },
          {
            name: 'privateDnsName',
            value: `ip-${task.privateIp.replaceAll('.', '-')}.ec2.internal`,
          },
          { name: 'privateIPv4Address', value: task.privateIp },
        ],
      },
    ],
    containers: [
      {
        containerArn: `${task.taskArn.replace(':task/', ':container/')}/${task.containerName}`,
        taskArn: task.taskArn,
        name: task.containerName,
        image: typeof container?.image === 'string' ? container.image : undefined,
        lastStatus: CONTAINER_STATUS[task.lastStatus],
        exitCode: stoppedContainer ? task.exitCode : undefined,
        reason:
          stoppedContainer && task.stopCode === 'EssentialContainerExited'
            ? 'Essential container exited'
            : undefined,
        networkBindings: [],
        networkInterfaces: [{ attachmentId, privateIpv4Address: task.privateIp }],
        healthStatus: 'UNKNOWN',
        cpu: String(container?.cpu ?? 0),
        memory: container?.memory === undefined ? undefined : String(container.memory),
      },
    ],
  };
}

export function taskDefinitionView(definition: TaskDefinition): Record<string, unknown> {
  return {
    ...definition.definition,
    taskDefinitionArn: definition.taskDefinitionArn,
    family: definition.family,
    revision: definition.revision,
    status: definition.status,
    registeredAt: new Date(definition.registeredAt),
    compatibilities: ['EC2', 'FARGATE'],
    requiresAttributes: [],
  };
}

/** One container definition of a task definition, by name (the first when no name is given). */
export function containerDefinition(
  definition: TaskDefinition | undefined,
  name?: string,
): Record<string, unknown> | undefined {
  const containers = (definition?.definition.containerDefinitions ?? []) as Record<
    string,
    unknown
  >[];
  return (
    containers.find((container) => name === undefined || container.name === name) ?? containers[0]
  );
}

function date(value: number | undefined): Date | undefined {
  return value === undefined ? undefined : new Date(value);
}
