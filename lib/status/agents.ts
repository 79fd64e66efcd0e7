import type { AgentActivity, AgentPoolView, AgentView, JenkinsNodeView } from './types';

/** An EC2 instance as the agent-pool rules need it, mapped from DescribeInstances. */
export interface AgentInstance {
  readonly instanceId: string;
  readonly state: string;
  readonly instanceType: string;
  readonly availabilityZone: string | undefined;
  readonly launchedAt: string | undefined;
  readonly privateIp: string | undefined;
  readonly tags: Readonly<Record<string, string>>;
}

export interface ScaleLimits {
  readonly cap: number | undefined;
  readonly warm: number | undefined;
  readonly idleMinutes: number | undefined;
  readonly instanceType: string | undefined;
}

/** The EC2 plugin's heartbeat tag; stale means the plugin no longer looks after the instance. */
export const HEARTBEAT_TAG = 'jenkins_node_last_refresh';
const HEARTBEAT_STALE_MS = 15 * 60_000;

/**
 * Whether the EC2 plugin counts an instance against its cap: every state but terminated and
 * shutting-down (pending and stopping count), and only instances of this controller's cloud
 * (ec2-plugin PR #1122 added the cloud-name tag because controllers counted each other's).
 */
export function countsAgainstCap(instance: AgentInstance, cloudName: string | undefined): boolean {
  if (instance.state === 'terminated' || instance.state === 'shutting-down') return false;
  const instanceCloud = instance.tags.jenkins_cloud_name;
  return cloudName === undefined || instanceCloud === undefined || instanceCloud === cloudName;
}

/** Finds the instance id in a Jenkins node name such as `linux agent (i-0abc123)`. */
export function instanceIdOfNode(nodeName: string): string | undefined {
  return /\bi-[0-9a-f]{8,17}\b/.exec(nodeName)?.[0];
}

function heartbeatIsStale(instance: AgentInstance, now: number): boolean {
  const heartbeat = instance.tags[HEARTBEAT_TAG];
  if (heartbeat === undefined) return false;
  const at = /^\d+$/.test(heartbeat) ? Number(heartbeat) : Date.parse(heartbeat);
  return Number.isFinite(at) && now - at > HEARTBEAT_STALE_MS;
}

function activityOf(node: JenkinsNodeView | undefined): AgentActivity {
  if (node === undefined) return 'unknown';
  if (node.offline) return 'offline';
  return node.idle ? 'idle' : 'busy';
}

/**
 * Builds the agent pool: each instance with its Jenkins node, what counts against the cap,
 * headroom, counts by state, and both kinds of mismatch (C27): instances running without a
 * node (only judged when Jenkins answered) or with a stale heartbeat, and nodes whose
 * instance this stack does not have.
 */
export function agentPool(options: {
  instances: readonly AgentInstance[];
  nodes: readonly JenkinsNodeView[] | undefined;
  limits: ScaleLimits;
  cloudName: string | undefined;
  now: number;
}): AgentPoolView {
  const { instances, nodes, limits, cloudName, now } = options;
  const nodesByInstance = new Map<string, JenkinsNodeView>();
  for (const node of nodes ?? []) {
    if (node.instanceId !== undefined) nodesByInstance.set(node.instanceId, node);
  }

  const agents: AgentView[] = instances.map((instance) => {
    const node = nodesByInstance.get(instance.instanceId);
    const running = instance.state === 'running';
    const noNode = nodes !== undefined && node === undefined;
    return {
      instanceId: instance.instanceId,
      state: instance.state,
      instanceType: instance.instanceType,
      availabilityZone: instance.availabilityZone,
      launchedAt: instance.launchedAt,
      privateIp: instance.privateIp,
      nodeName: node?.name,
      activity: activityOf(node),
      countsAgainstCap: countsAgainstCap(instance, cloudName),
      possiblyOrphaned: running && (noNode || heartbeatIsStale(instance, now)),
    };
  });

  const byState: Record<string, number> = {};
  for (const agent of agents) byState[agent.state] = (byState[agent.state] ?? 0) + 1;
  const counted = agents.filter((agent) => agent.countsAgainstCap).length;
  const instanceIds = new Set(instances.map((instance) => instance.instanceId));
  const nodesWithoutInstance = (nodes ?? [])
    .filter((node) => node.instanceId !== undefined && !instanceIds.has(node.instanceId))
    .map((node) => node.name);

  return {
    cap: limits.cap,
    warm: limits.warm,
    idleMinutes: limits.idleMinutes,
    instanceType: limits.instanceType,
    counted,
    headroom: limits.cap === undefined ? undefined : Math.max(0, limits.cap - counted),
    byState,
    agents,
    nodesWithoutInstance,
  };
}
