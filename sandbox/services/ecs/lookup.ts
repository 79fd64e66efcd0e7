import { AwsServiceError } from '../../core/errors';
import type { Cluster, EcsService, RegionState, Task } from '../../world/state';

/** The cluster named by name or ARN (`default` when absent), as ECS resolves it. */
export function findCluster(region: RegionState, reference: unknown): Cluster | undefined {
  const name = typeof reference === 'string' && reference.length > 0 ? reference : 'default';
  return Object.values(region.clusters).find(
    (cluster) => cluster.clusterArn === name || cluster.clusterName === name,
  );
}

/** Like `findCluster`, but fails the call with ECS's ClusterNotFoundException. */
export function requireCluster(region: RegionState, reference: unknown): Cluster {
  const cluster = findCluster(region, reference);
  if (!cluster || cluster.status !== 'ACTIVE') {
    throw new AwsServiceError('ClusterNotFoundException', 'Cluster not found.');
  }
  return cluster;
}

/** The service in this cluster named by name or ARN (an ARN of another cluster does not match). */
export function findService(
  region: RegionState,
  cluster: Cluster,
  reference: string,
): EcsService | undefined {
  return Object.values(region.services)
    .filter((service) => service.clusterArn === cluster.clusterArn)
    .filter((service) => service.serviceArn === reference || service.serviceName === reference)
    .sort((a, b) => statusRank(a) - statusRank(b))[0];
}

/** An ACTIVE service wins over INACTIVE ones of the same name (a name can be reused). */
function statusRank(service: EcsService): number {
  return service.status === 'ACTIVE' ? 0 : service.status === 'DRAINING' ? 1 : 2;
}

/** The task in this cluster named by ARN or bare task id. */
export function findTask(
  region: RegionState,
  cluster: Cluster,
  reference: string,
): Task | undefined {
  return Object.values(region.tasks).find(
    (task) =>
      task.clusterArn === cluster.clusterArn &&
      (task.taskArn === reference || task.taskArn.endsWith(`/${reference}`)),
  );
}

export function taskId(task: Task): string {
  return task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1);
}

/** Tasks of a service that ECS still counts (desired RUNNING). */
export function activeTasks(region: RegionState, service: EcsService): Task[] {
  return Object.values(region.tasks).filter(
    (task) => task.serviceArn === service.serviceArn && task.desiredStatus === 'RUNNING',
  );
}
