import 'server-only';
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  paginateListTasks,
  type Failure,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs';
import type { AwsClients } from './clients';

/** DescribeTasks accepts at most 100 tasks per call. */
export const DESCRIBE_TASKS_BATCH = 100;

/**
 * DescribeServices for one service. ECS reports a missing service in `failures` with HTTP 200,
 * not as an exception (C23), so both come back to the caller; the cluster is always passed,
 * because a service ARN without it is reported MISSING.
 */
export async function describeService(
  clients: AwsClients,
  cluster: string,
  service: string,
): Promise<{ service: Service | undefined; failure: Failure | undefined }> {
  const output = await clients.ecs.send(
    new DescribeServicesCommand({ cluster, services: [service] }),
  );
  return { service: output.services?.[0], failure: output.failures?.[0] };
}

/** ListTasks for a service over every page (running and pending: desired status RUNNING). */
export async function listServiceTasks(
  clients: AwsClients,
  cluster: string,
  serviceName: string,
): Promise<string[]> {
  const arns: string[] = [];
  const pages = paginateListTasks({ client: clients.ecs, pageSize: 100 }, { cluster, serviceName });
  for await (const page of pages) arns.push(...(page.taskArns ?? []));
  return arns;
}

/** DescribeTasks in batches of 100, the batches in parallel. */
export async function describeTasks(
  clients: AwsClients,
  cluster: string,
  taskArns: readonly string[],
): Promise<Task[]> {
  const batches: string[][] = [];
  for (let start = 0; start < taskArns.length; start += DESCRIBE_TASKS_BATCH) {
    batches.push(taskArns.slice(start, start + DESCRIBE_TASKS_BATCH));
  }
  const outputs = await Promise.all(
    batches.map((tasks) => clients.ecs.send(new DescribeTasksCommand({ cluster, tasks }))),
  );
  return outputs.flatMap((output) => output.tasks ?? []);
}
