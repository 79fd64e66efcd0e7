import { AwsServiceError } from '../../core/errors';
import {
  decodePageToken,
  encodePageToken,
  optionalInt,
  optionalString,
  stringList,
} from '../../core/input';
import type { OperationHandler, ServiceDefinition } from '../../core/types';
import type { World } from '../../world/world';
import { findCluster, findService, findTask, requireCluster } from './lookup';
import { clusterView, serviceView, taskDefinitionView, taskView } from './views';

/** The ECS calls the dashboard makes (awsJson1_1, target prefix AmazonEC2ContainerServiceV20141113). */
export function createEcsService(world: World): ServiceDefinition {
  const operations: Record<string, OperationHandler> = {
    DescribeClusters(input, call) {
      const region = world.region(call.region);
      const references = stringList(input.clusters);
      if (references.length > 100) {
        throw new AwsServiceError(
          'InvalidParameterException',
          'clusters can have at most 100 items.',
        );
      }
      const wanted = references.length > 0 ? references : ['default'];
      const clusters = [];
      const failures = [];
      for (const reference of wanted) {
        const cluster = findCluster(region, reference);
        if (cluster) clusters.push(clusterView(region, cluster));
        else failures.push({ arn: clusterArnOf(reference, call.region), reason: 'MISSING' });
      }
      return { clusters, failures };
    },

    ListServices(input, call) {
      const region = world.region(call.region);
      const cluster = requireCluster(region, input.cluster);
      const launchType = optionalString(input.launchType);
      const arns = Object.values(region.services)
        .filter(
          (service) => service.clusterArn === cluster.clusterArn && service.status !== 'INACTIVE',
        )
        .filter((service) => launchType === undefined || service.launchType === launchType)
        .map((service) => service.serviceArn);
      const page = paginate(arns, input, 10, 'services');
      return { serviceArns: page.items, nextToken: page.nextToken };
    },

    DescribeServices(input, call) {
      const region = world.region(call.region);
      const references = stringList(input.services);
      if (references.length === 0) {
        throw new AwsServiceError('InvalidParameterException', 'Services cannot be empty.');
      }
      if (references.length > 10) {
        throw new AwsServiceError(
          'InvalidParameterException',
          'services can have at most 10 items.',
        );
      }
      const cluster = requireCluster(region, input.cluster);
      const services = [];
      const failures = [];
      for (const reference of references) {
        const service = findService(region, cluster, reference);
        if (service) services.push(serviceView(region, service));
        else {
          const arn = reference.startsWith('arn:')
            ? reference
            : world.arn('ecs', call.region, `service/${cluster.clusterName}/${reference}`);
          failures.push({ arn, reason: 'MISSING' });
        }
      }
      return { services, failures };
    },

    ListTasks(input, call) {
      const region = world.region(call.region);
      const cluster = requireCluster(region, input.cluster);
      const serviceName = optionalString(input.serviceName);
      const service =
        serviceName === undefined ? undefined : findService(region, cluster, serviceName);
      if (serviceName !== undefined && !service) {
        throw new AwsServiceError('ServiceNotFoundException', 'Service not found.');
      }
      const desiredStatus = optionalString(input.desiredStatus) ?? 'RUNNING';
      const family = optionalString(input.family);
      const startedBy = optionalString(input.startedBy);
      const arns = Object.values(region.tasks)
        .filter((task) => task.clusterArn === cluster.clusterArn)
        .filter((task) => !service || task.serviceArn === service.serviceArn)
        .filter((task) => task.desiredStatus === desiredStatus)
        .filter(
          (task) =>
            family === undefined ||
            region.taskDefinitions[task.taskDefinitionArn]?.family === family,
        )
        .filter((task) => startedBy === undefined || task.startedBy === startedBy)
        .map((task) => task.taskArn);
      const page = paginate(arns, input, 100, 'tasks');
      return { taskArns: page.items, nextToken: page.nextToken };
    },

    DescribeTasks(input, call) {
      const region = world.region(call.region);
      const references = stringList(input.tasks);
      if (references.length === 0) {
        throw new AwsServiceError('InvalidParameterException', 'Tasks cannot be empty.');
      }
      if (references.length > 100) {
        throw new AwsServiceError('ClientException', 'Tasks cannot be longer than 100.');
      }
      const cluster = requireCluster(region, input.cluster);
      const tasks = [];
      const failures = [];
      for (const reference of references) {
        const task = findTask(region, cluster, reference);
        if (task) tasks.push(taskView(region, task));
        else {
          const arn = reference.startsWith('arn:')
            ? reference
            : world.arn('ecs', call.region, `task/${cluster.clusterName}/${reference}`);
          failures.push({ arn, reason: 'MISSING' });
        }
      }
      return { tasks, failures };
    },

    DescribeTaskDefinition(input, call) {
      const region = world.region(call.region);
      const reference = optionalString(input.taskDefinition) ?? '';
      const definitions = Object.values(region.taskDefinitions);
      const found = reference.startsWith('arn:')
        ? region.taskDefinitions[reference]
        : reference.includes(':')
          ? definitions.find(
              (definition) => `${definition.family}:${definition.revision}` === reference,
            )
          : definitions
              .filter(
                (definition) => definition.family === reference && definition.status === 'ACTIVE',
              )
              .sort((a, b) => b.revision - a.revision)[0];
      if (!found)
        throw new AwsServiceError('ClientException', 'Unable to describe task definition.');
      return { taskDefinition: taskDefinitionView(found), tags: [] };
    },
  };

  return { signingName: 'ecs', protocol: 'json', operations };

  function clusterArnOf(reference: string, region: string): string {
    return reference.startsWith('arn:')
      ? reference
      : world.arn('ecs', region, `cluster/${reference}`);
  }
}

/** ECS paging: `maxResults` up to `limit` (default 10 or 100 by operation), opaque `nextToken`. */
function paginate(
  items: string[],
  input: Record<string, unknown>,
  limit: number,
  scope: string,
): { items: string[]; nextToken?: string } {
  const maxResults = optionalInt(input.maxResults, 'maxResults') ?? limit;
  if (maxResults < 1 || maxResults > 100) {
    throw new AwsServiceError('InvalidParameterException', 'maxResults must be between 1 and 100.');
  }
  const token = optionalString(input.nextToken);
  const offset = token === undefined ? 0 : decodePageToken(token, scope);
  if (offset === undefined) {
    throw new AwsServiceError('InvalidParameterException', 'Invalid nextToken.');
  }
  const page = items.slice(offset, offset + maxResults);
  const next = offset + page.length;
  return { items: page, nextToken: next < items.length ? encodePageToken(next, scope) : undefined };
}
