import type {
  AgentNode,
  AgentSettings,
  EcsService,
  Instance,
  JenkinsController,
  RegionState,
  Tag,
  Task,
} from '../world/state';
import type { World } from '../world/world';
import { readAgentSettings } from './casc-settings';
import { terminateInstance } from './ec2-instances';
import { environmentOf } from './jenkins-controller';

/** The agent connects (SSH launch, agent process up) this long after the instance is launched. */
export const AGENT_CONNECT_MS = 90_000;
/** Jenkins re-reads its configuration (and the plugin its limits) every simulated minute. */
const SETTINGS_REFRESH_MS = 60_000;
/** The plugin refreshes its heartbeat tag on connected agents about every minute. */
const HEARTBEAT_MS = 60_000;

const COUNTED_STATES = new Set<Instance['state']>(['pending', 'running', 'stopping']);

export interface PluginContext {
  readonly world: World;
  readonly region: RegionState;
  readonly service: EcsService;
  readonly controller: JenkinsController;
  /** The controller task serving Jenkins now. */
  readonly task: Task;
  readonly cascText: () => string | undefined;
  /** The Jenkins URL when the configuration does not name one (the load balancer's). */
  readonly fallbackUrl: () => string | undefined;
  readonly now: number;
}

/**
 * One step of the simulated Jenkins EC2 plugin for one controller: re-reads the scale limits
 * every minute, drops nodes whose instance is gone, assigns queued builds to connected agents,
 * launches agents while the queue (or the warm count) asks for them and the cap allows, counting
 * this controller's pending/running/stopping instances as the plugin does, and terminates agents
 * idle longer than the idle minutes, keeping the warm count.
 */
export function stepEc2Plugin(context: PluginContext): void {
  const { controller } = context;
  refreshSettings(context);
  const settings = controller.settings;
  if (!settings) return;

  const mine = instancesOf(context, settings);
  dropVanishedNodes(context, mine);
  const counted = mine.filter((instance) => COUNTED_STATES.has(instance.state));
  assignBuilds(context, settings);

  const wanted = Math.max(
    settings.warmAgents,
    Math.ceil(controller.demand / settings.numExecutors),
  );
  const room = settings.instanceCap - counted.length;
  const launches = Math.min(room, wanted - counted.length);
  for (let i = 0; i < launches; i++) launchAgent(context, settings, counted.length + i);

  reapIdleAgents(context, settings, counted.length + Math.max(0, launches));
  heartbeat(context, mine);
}

function refreshSettings(context: PluginContext): void {
  const { controller, now } = context;
  if (controller.settings && now - controller.settings.readAt < SETTINGS_REFRESH_MS) return;
  const read = readAgentSettings({
    environment: environmentOf(context.region, context.task),
    region: context.region,
    cascText: context.cascText(),
    now,
  });
  if (read.ok) {
    controller.settings = {
      ...read.settings,
      jenkinsUrl: read.settings.jenkinsUrl ?? context.fallbackUrl(),
    };
    controller.settingsProblem = undefined;
  } else {
    // Like a failed configuration reload: Jenkins keeps running on what it loaded before.
    controller.settingsProblem = read.problem;
    if (controller.settings) controller.settings.readAt = now;
  }
}

/** Instances tagged for this controller's URL and cloud, as the plugin finds its own. */
function instancesOf(context: PluginContext, settings: AgentSettings): Instance[] {
  return Object.values(context.region.instances).filter(
    (instance) =>
      tagValue(instance.tags, 'jenkins_server_url') === (settings.jenkinsUrl ?? '') &&
      tagValue(instance.tags, 'jenkins_cloud_name') === settings.cloudName,
  );
}

function dropVanishedNodes(context: PluginContext, mine: Instance[]): void {
  for (const node of Object.values(context.controller.agents)) {
    const instance = mine.find((candidate) => candidate.instanceId === node.instanceId);
    if (!instance || !COUNTED_STATES.has(instance.state))
      delete context.controller.agents[node.instanceId];
  }
}

/** Connected agents take queued builds in the order they connected. */
function assignBuilds(context: PluginContext, settings: AgentSettings): void {
  const { controller, now, region } = context;
  const online = connectedNodes(controller, region, now);
  let demand = controller.demand;
  for (const node of online) {
    const busy = demand > 0;
    demand -= settings.numExecutors;
    if (busy) {
      node.busy = true;
      node.idleSince = now;
    } else if (node.busy) {
      node.busy = false;
      node.idleSince = now;
    }
  }
}

/** Nodes whose agent has connected and whose instance is running. */
export function connectedNodes(
  controller: JenkinsController,
  region: RegionState,
  now: number,
): AgentNode[] {
  return Object.values(controller.agents)
    .filter(
      (node) => node.onlineAt <= now && region.instances[node.instanceId]?.state === 'running',
    )
    .sort((a, b) => a.onlineAt - b.onlineAt || a.instanceId.localeCompare(b.instanceId));
}

function launchAgent(context: PluginContext, settings: AgentSettings, index: number): void {
  const { world, region, service, controller, now } = context;
  const subnetIds = settings.subnetIds.length > 0 ? settings.subnetIds : service.subnets;
  const subnet = region.subnets[subnetIds[index % Math.max(1, subnetIds.length)] ?? ''];
  const instanceId = world.ec2Id('i');
  const description = settings.templateDescription;

  const tags: Tag[] = [
    ...settings.tags,
    { Key: 'jenkins_server_url', Value: settings.jenkinsUrl ?? '' },
    { Key: 'jenkins_slave_type', Value: `demand_${description}` },
    { Key: 'jenkins_cloud_name', Value: settings.cloudName },
    { Key: 'jenkins_node_last_refresh', Value: String(now) },
  ];
  if (controller.stackName && !tags.some((tag) => tag.Key === 'jenkins-on-aws:stack')) {
    tags.push({ Key: 'jenkins-on-aws:stack', Value: controller.stackName });
  }
  if (!tags.some((tag) => tag.Key === 'Name'))
    tags.push({ Key: 'Name', Value: `${settings.cloudName}-agent` });

  region.instances[instanceId] = {
    instanceId,
    imageId: settings.amiId,
    instanceType: settings.instanceType,
    keyName: region.parameters[`${prefixOf(context)}agent-key-name`]?.value,
    subnetId: subnet?.subnetId ?? '',
    vpcId: subnet?.vpcId ?? '',
    availabilityZone: subnet?.availabilityZone ?? '',
    privateIpAddress: subnet ? world.privateIp(subnet) : '10.0.250.10',
    securityGroupIds: settings.securityGroupIds,
    iamInstanceProfileArn: settings.instanceProfileArn,
    state: 'pending',
    stateChangedAt: now,
    stateTransitionReason: '',
    launchTime: now,
    tags,
  };
  controller.agents[instanceId] = {
    instanceId,
    nodeName: `EC2 (${settings.cloudName}) - ${description} (${instanceId})`,
    launchedAt: now,
    onlineAt: now + AGENT_CONNECT_MS,
    busy: false,
    idleSince: now + AGENT_CONNECT_MS,
    lastHeartbeatAt: now,
  };
}

function reapIdleAgents(context: PluginContext, settings: AgentSettings, alive: number): void {
  const { controller, region, now } = context;
  if (settings.idleMinutes <= 0) return;
  let remaining = alive;
  for (const node of connectedNodes(controller, region, now)) {
    if (remaining <= settings.warmAgents) return;
    if (node.busy || now - node.idleSince < settings.idleMinutes * 60_000) continue;
    const instance = region.instances[node.instanceId];
    if (instance) terminateInstance(instance, now, 'User initiated');
    delete controller.agents[node.instanceId];
    remaining -= 1;
  }
}

function heartbeat(context: PluginContext, mine: Instance[]): void {
  const { controller, now } = context;
  for (const instance of mine) {
    const node = controller.agents[instance.instanceId];
    if (!node || node.onlineAt > now || now - node.lastHeartbeatAt < HEARTBEAT_MS) continue;
    node.lastHeartbeatAt = now;
    const tag = instance.tags.find((candidate) => candidate.Key === 'jenkins_node_last_refresh');
    if (tag) tag.Value = String(now);
  }
}

function prefixOf(context: PluginContext): string {
  const environment = environmentOf(context.region, context.task);
  return environment.CASC_SSM_PREFIX ?? environment.SCALE_SETTINGS_PREFIX ?? '';
}

function tagValue(tags: readonly Tag[], key: string): string | undefined {
  return tags.find((tag) => tag.Key === key)?.Value;
}
