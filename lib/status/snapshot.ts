import 'server-only';
import type { Stack } from '@aws-sdk/client-cloudformation';
import type { Instance } from '@aws-sdk/client-ec2';
import type { AwsClients } from '../aws/clients';
import { listStackResources, readLatestStackEvents, requireStack } from '../aws/cloudformation';
import { describeAgentInstances } from '../aws/ec2';
import { unlessGone } from '../aws/errors';
import { describeService, describeTasks, listServiceTasks } from '../aws/ecs';
import { describeTargetGroup, describeTargetHealth } from '../aws/elbv2';
import { isInProgress } from '../stacks/status';
import { agentPool, type ScaleLimits } from './agents';
import { probeJenkins } from './jenkins';
import {
  agentInstance,
  deploymentViews,
  healthCheckView,
  outputsOf,
  parametersOf,
  serviceEventViews,
  stackView,
  targetViews,
  taskView,
} from './map';
import {
  newPoolMemory,
  recordAgentStarts,
  recordPoolSample,
  type PoolMemory,
} from './pool-history';
import { mergeTimeline, targetTransitions, type TargetTransition } from './timeline';
import type {
  ControllerView,
  HealthCheckView,
  JenkinsView,
  StackSnapshot,
  TargetView,
} from './types';
import { verdictOf } from './verdict';

/** How long a stopped task stays on the page (ECS itself shows them for about an hour). */
const STOPPED_TASK_MEMORY_MS = 60 * 60_000;
const TRANSITION_MEMORY = 200;
export const FAST_POLL_MS = 3_000;
export const SLOW_POLL_MS = 15_000;

/**
 * What the dashboard remembers about one stack between snapshots: the resource map (read
 * again only when the stack changes), the tasks it has seen (so stopped ones are described by
 * id, in the same DescribeTasks batch, and keep their stopped reason), and the target-health
 * transitions AWS itself keeps no history of. One snapshot at a time uses it: the status
 * service's cache never runs two refreshes of a stack at once.
 */
export interface StackMemory {
  resourceKey: string | undefined;
  stackTaskDefinition: string | undefined;
  healthCheck: HealthCheckView | undefined;
  /** Whether the stack has the template's AgentReaper (stacks made before it do not). */
  reapsAgentsOnDelete: boolean;
  seenTasks: Map<string, number>;
  targets: TargetView[] | undefined;
  transitions: TargetTransition[];
  pool: PoolMemory;
  snapshots: number;
  /** The agent tag the last snapshot's outputs named: the next one lists agents by it at once. */
  agentTag: AgentTag | undefined;
}

interface AgentTag {
  readonly key: string;
  readonly value: string;
}

export function newStackMemory(): StackMemory {
  return {
    resourceKey: undefined,
    stackTaskDefinition: undefined,
    healthCheck: undefined,
    reapsAgentsOnDelete: false,
    seenTasks: new Map(),
    targets: undefined,
    transitions: [],
    pool: newPoolMemory(),
    snapshots: 0,
    agentTag: undefined,
  };
}

function agentTagOf(outputs: Record<string, string>): AgentTag | undefined {
  const { AgentTagKey: key, AgentTagValue: value } = outputs;
  return key === undefined || value === undefined ? undefined : { key, value };
}

/**
 * The agents listed by the tag the last snapshot saw, sent before DescribeStacks answers: the
 * DescribeInstances pages are the longest chain of a large pool, and the tag comes from the
 * template's outputs, which change only with the template. `confirm` checks it against the
 * outputs just read and lists again (and only then) when it changed; `abandon` stops the pages
 * when DescribeStacks failed. Only a snapshot that read its stack remembers a tag, so while
 * AWS is failing nothing is sent ahead.
 */
function listAgentsEarly(clients: AwsClients, memory: StackMemory) {
  const guess = memory.agentTag;
  memory.agentTag = undefined;
  const abort = new AbortController();
  const early = guess && describeAgentInstances(clients, guess.key, guess.value, abort.signal);
  // Failures surface through `confirm`; this only keeps an early one from counting as unhandled.
  early?.catch(() => undefined);
  return {
    confirm(outputs: Record<string, string>): Promise<Instance[]> {
      const tag = agentTagOf(outputs);
      memory.agentTag = tag;
      if (early !== undefined && guess?.key === tag?.key && guess?.value === tag?.value) {
        return early;
      }
      abort.abort();
      return tag === undefined
        ? Promise.resolve([])
        : describeAgentInstances(clients, tag.key, tag.value);
    },
    abandon(): void {
      abort.abort();
    },
  };
}

function numberOrUndefined(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function scaleLimits(parameters: Record<string, string>): ScaleLimits {
  return {
    cap: numberOrUndefined(parameters.AgentInstanceCap),
    warm: numberOrUndefined(parameters.WarmAgents),
    idleMinutes: numberOrUndefined(parameters.AgentIdleMinutes),
    instanceType: parameters.AgentInstanceType,
  };
}

// The custom resource cloudformation/jenkins.yaml adds to terminate the agents on deletion.
const AGENT_REAPER_TYPE = 'Custom::AgentReaper';

/** The resource map changes only when the stack does: keyed by its last change and status. */
function resourceKeyOf(stack: Stack): string {
  return `${(stack.LastUpdatedTime ?? stack.CreationTime)?.toISOString()}:${stack.StackStatus}`;
}

async function refreshResourceMap(
  clients: AwsClients,
  stack: Stack,
  outputs: Record<string, string>,
  memory: StackMemory,
): Promise<void> {
  const key = resourceKeyOf(stack);
  if (memory.resourceKey === key) return;
  const [resources, targetGroup] = await Promise.all([
    listStackResources(clients, stack.StackName ?? ''),
    outputs.TargetGroupArn === undefined
      ? Promise.resolve(undefined)
      : unlessGone(describeTargetGroup(clients, outputs.TargetGroupArn), undefined),
  ]);
  memory.stackTaskDefinition = resources.find(
    (resource) => resource.ResourceType === 'AWS::ECS::TaskDefinition',
  )?.PhysicalResourceId;
  memory.healthCheck = healthCheckView(targetGroup);
  memory.reapsAgentsOnDelete = resources.some(
    (resource) => resource.ResourceType === AGENT_REAPER_TYPE,
  );
  memory.resourceKey = key;
}

/**
 * The controller's service, tasks and targets. The outputs name them, so the calls start at
 * once, ListTasks first: ListTasks → DescribeTasks is the snapshot's longest chain, and a
 * service that works through requests in arrival order (as the sandbox does) answers it
 * first. The resource map (`mapReady`, the stack's task definition and health check) is
 * awaited only to build the view.
 */
async function readController(
  clients: AwsClients,
  outputs: Record<string, string>,
  memory: StackMemory,
  mapReady: Promise<void>,
  now: number,
): Promise<ControllerView | undefined> {
  const cluster = outputs.ClusterName;
  const serviceName = outputs.ControllerServiceName;
  if (cluster === undefined || serviceName === undefined) return mapReady.then(() => undefined);

  // A stack being deleted still names its cluster and target group once they are gone.
  const [tasks, described, targets] = await Promise.all([
    unlessGone(
      listServiceTasks(clients, cluster, serviceName).then((running) => {
        for (const arn of running) memory.seenTasks.set(arn, now);
        for (const [arn, seen] of memory.seenTasks) {
          if (now - seen > STOPPED_TASK_MEMORY_MS) memory.seenTasks.delete(arn);
        }
        return describeTasks(clients, cluster, [...memory.seenTasks.keys()]);
      }),
      [],
    ),
    unlessGone(describeService(clients, cluster, serviceName), {
      service: undefined,
      failure: { reason: 'MISSING' },
    }),
    outputs.TargetGroupArn === undefined
      ? Promise.resolve([])
      : unlessGone(describeTargetHealth(clients, outputs.TargetGroupArn), []),
    mapReady,
  ]);

  const { service, failure } = described;
  const deployments = service === undefined ? [] : deploymentViews(service);
  const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
  const taskViews = tasks
    .map(taskView)
    .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
  return {
    clusterName: cluster,
    serviceName,
    serviceStatus: failure !== undefined ? 'MISSING' : (service?.status ?? 'MISSING'),
    desired: service?.desiredCount ?? 0,
    running: service?.runningCount ?? 0,
    pending: service?.pendingCount ?? 0,
    deployments,
    tasks: taskViews,
    targets: targetViews(targets),
    healthCheck: memory.healthCheck,
    events: service === undefined ? [] : serviceEventViews(service),
    taskDefinitionMismatch:
      memory.stackTaskDefinition !== undefined &&
      primary !== undefined &&
      deployments.length === 1 &&
      primary.taskDefinition !== memory.stackTaskDefinition,
  };
}

/** Whether anything is moving, so the page should poll fast. */
function isMoving(snapshot: Omit<StackSnapshot, 'pollAfterMs' | 'refreshInMs'>): boolean {
  if (isInProgress(snapshot.stack.status)) return true;
  const controller = snapshot.controller;
  if (controller !== undefined) {
    if (controller.deployments.some((deployment) => deployment.rolloutState === 'IN_PROGRESS'))
      return true;
    if (controller.pending > 0 || controller.running !== controller.desired) return true;
    if (
      controller.targets.some((target) => target.state === 'initial' || target.state === 'draining')
    ) {
      return true;
    }
  }
  return (snapshot.agents.byState.pending ?? 0) > 0 || (snapshot.agents.byState.stopping ?? 0) > 0;
}

/**
 * Builds one stack's snapshot with the fewest calls the APIs allow: DescribeStacks together
 * with the first page of DescribeStackEvents and (from the second snapshot on) the agents'
 * DescribeInstances (1,000 a page); then, the outputs naming everything else, in parallel
 * ListTasks → DescribeTasks (batches of 100), DescribeServices, DescribeTargetHealth and the
 * Jenkins probe. The resource map is read only when the stack has changed since the last
 * snapshot, alongside the rest.
 */
export async function buildSnapshot(
  clients: AwsClients,
  stackName: string,
  memory: StackMemory,
  now = Date.now(),
): Promise<StackSnapshot> {
  // The events need only the stack's name: they go out with DescribeStacks, not after it.
  // Their failure is handled by Promise.all below; the empty handler only keeps one that
  // comes before DescribeStacks answers from counting as unhandled.
  const latestEvents = readLatestStackEvents(clients, stackName);
  latestEvents.catch(() => undefined);
  const agentInstances = listAgentsEarly(clients, memory);
  const stack = await requireStack(clients, stackName).catch((error: unknown) => {
    agentInstances.abandon();
    throw error;
  });
  const outputs = outputsOf(stack);
  const parameters = parametersOf(stack);
  const view = stackView(stack, clients.region, new Set());
  const fetchedAt = new Date(now).toISOString();

  const mapReady = refreshResourceMap(clients, stack, outputs, memory);
  const [controller, stackEvents, instances, jenkins] = await Promise.all([
    readController(clients, outputs, memory, mapReady, now),
    latestEvents,
    agentInstances.confirm(outputs),
    view.jenkinsUrl === undefined || (isInProgress(view.status) && view.status.startsWith('CREATE'))
      ? Promise.resolve<JenkinsView | undefined>(undefined)
      : probeJenkins(view.jenkinsUrl, now),
  ]);

  if (controller !== undefined) {
    // The first look after a start knows no earlier state: nothing changed that it saw.
    const transitions =
      memory.targets === undefined
        ? []
        : targetTransitions(memory.targets, controller.targets, fetchedAt);
    memory.transitions = [...transitions, ...memory.transitions].slice(0, TRANSITION_MEMORY);
    memory.targets = [...controller.targets];
  }

  const agents = agentPool({
    instances: instances.map(agentInstance),
    nodes: jenkins?.nodes,
    limits: scaleLimits(parameters),
    cloudName: outputs.AgentCloudName,
    now,
  });
  const timeline = mergeTimeline({
    stackEvents: stackEvents.map((event) => ({
      eventId: event.EventId ?? '',
      at: event.Timestamp?.toISOString() ?? fetchedAt,
      logicalId: event.LogicalResourceId ?? '',
      resourceType: event.ResourceType ?? '',
      status: event.ResourceStatus ?? '',
      reason: event.ResourceStatusReason,
    })),
    serviceEvents: controller?.events ?? [],
    targetTransitions: memory.transitions,
  });
  const poolHistory = recordPoolSample(
    memory.pool,
    { at: fetchedAt, pool: agents.counted, cap: agents.cap, queue: jenkins?.queueLength },
    now,
  );
  const agentStartTimes = recordAgentStarts(memory.pool, agents, now);
  await mapReady;
  memory.snapshots += 1;
  const partial = {
    stack: view,
    controller,
    jenkins,
    agents,
    timeline,
    poolHistory,
    agentStartTimes,
    reapsAgentsOnDelete: memory.reapsAgentsOnDelete,
    verdict: verdictOf({ stack: view, controller, jenkins, headroom: agents.headroom }),
    fetchedAt,
    stale: undefined,
  };
  const pollAfterMs = isMoving(partial) ? FAST_POLL_MS : SLOW_POLL_MS;
  return { ...partial, pollAfterMs, refreshInMs: pollAfterMs };
}
