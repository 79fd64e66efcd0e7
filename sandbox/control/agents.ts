import { controllerOf } from '../simulation/jenkins-controller';
import type { EcsService, Instance, RegionState, Tag } from '../world/state';
import type { World } from '../world/world';

/** The most agent instances one control call adds (EC2 pages stay meaningful well past it). */
export const MAX_ADDED_AGENTS = 20_000;

/**
 * Adds `count` running agent instances to a controller's pool, tagged exactly as its EC2 plugin
 * tags the ones it launches, so benchmarks and tests can reach pool sizes (thousands) that
 * would take the simulated plugin hours of demand to grow. Jenkins has no node for them, as
 * after a controller restored without its agents; the plugin counts them against the cap.
 * Needs the plugin to have read its settings (a running controller about a simulated minute old).
 */
export function addAgentInstances(
  world: World,
  region: RegionState,
  service: EcsService,
  count: number,
): string[] {
  const settings = controllerOf(region, service).settings;
  if (!settings) {
    throw new Error(
      `The EC2 plugin of ${service.serviceName} has not read its settings yet; ` +
        'wait until the controller has run for a simulated minute.',
    );
  }
  const subnetIds = settings.subnetIds.length > 0 ? settings.subnetIds : service.subnets;
  const now = world.now();
  const ids: string[] = [];

  for (let index = 0; index < count; index += 1) {
    const subnet = region.subnets[subnetIds[index % Math.max(1, subnetIds.length)] ?? ''];
    const instanceId = world.ec2Id('i');
    const tags: Tag[] = [
      ...settings.tags,
      { Key: 'jenkins_server_url', Value: settings.jenkinsUrl ?? '' },
      { Key: 'jenkins_slave_type', Value: `demand_${settings.templateDescription}` },
      { Key: 'jenkins_cloud_name', Value: settings.cloudName },
      { Key: 'jenkins_node_last_refresh', Value: String(now) },
    ];
    if (service.stackName && !tags.some((tag) => tag.Key === 'jenkins-on-aws:stack'))
      tags.push({ Key: 'jenkins-on-aws:stack', Value: service.stackName });
    if (!tags.some((tag) => tag.Key === 'Name'))
      tags.push({ Key: 'Name', Value: `${settings.cloudName}-agent` });

    const instance: Instance = {
      instanceId,
      imageId: settings.amiId,
      instanceType: settings.instanceType,
      subnetId: subnet?.subnetId ?? '',
      vpcId: subnet?.vpcId ?? '',
      availabilityZone: subnet?.availabilityZone ?? '',
      privateIpAddress: subnet ? world.privateIp(subnet) : '10.0.250.10',
      securityGroupIds: settings.securityGroupIds,
      iamInstanceProfileArn: settings.instanceProfileArn,
      state: 'running',
      stateChangedAt: now,
      stateTransitionReason: '',
      launchTime: now,
      tags,
    };
    region.instances[instanceId] = instance;
    ids.push(instanceId);
  }
  return ids;
}
