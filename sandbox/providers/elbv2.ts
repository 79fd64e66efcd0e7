import type { ResourceProvider } from '../core/provider';
import type { HealthCheck, ListenerAction, LoadBalancer, RegionState } from '../world/state';
import type { World } from '../world/world';
import type { LoadBalancerPorts } from '../traffic/load-balancer-ports';
import { stackTags, tagsOf } from './ec2';
import { flag, generatedName, numberOr, records, regionOfArn, text } from './properties';

/** Sim milliseconds a new load balancer spends `provisioning` before it is `active`. */
export const LOAD_BALANCER_PROVISIONING_MS = 30_000;

/** ALB hosted zone ids by region (for alias records); others fall back to eu-west-1's. */
const ALB_HOSTED_ZONES: Record<string, string> = {
  'us-east-1': 'Z35SXDOTRQ7X7K',
  'us-east-2': 'Z3AADJGX6KTTL2',
  'us-west-2': 'Z1H1FL5HABSF5',
  'eu-west-1': 'Z32O12XQLNTSW2',
  'eu-central-1': 'Z215JYRZR1TBD5',
};

/**
 * AWS::ElasticLoadBalancingV2::LoadBalancer / TargetGroup / Listener; Ref → ARN for all three.
 * Each load balancer listens on its own 127.0.0.1 port and its DNSName is `127.0.0.1:<port>`.
 */
export function elbv2Providers(
  world: World,
  ports: LoadBalancerPorts,
): Record<string, ResourceProvider> {
  const loadBalancer: ResourceProvider = {
    create(request) {
      const region = world.region(request.region);
      const props = request.properties;
      const subnets = subnetsOf(region, props);
      const type = text(props.Type, 'application');
      const zones = new Set(subnets.map((subnet) => subnet.zoneName));
      if (type === 'application' && zones.size < 2) {
        throw new Error(
          'At least two subnets in two different Availability Zones must be specified (Service: ElasticLoadBalancingV2, Status Code: 400)',
        );
      }
      const name = text(props.Name) || generatedName(world, request, 32);
      const hex = world.random.hex(16);
      const arn = world.arn(
        'elasticloadbalancing',
        request.region,
        `loadbalancer/app/${name}/${hex}`,
      );
      const port = ports.acquire();
      const balancer: LoadBalancer = {
        loadBalancerArn: arn,
        name,
        dnsName: `127.0.0.1:${port}`,
        localPort: port,
        canonicalHostedZoneId: ALB_HOSTED_ZONES[request.region] ?? 'Z32O12XQLNTSW2',
        scheme: text(props.Scheme, 'internet-facing'),
        type,
        ipAddressType: text(props.IpAddressType, 'ipv4'),
        state: 'provisioning',
        createdAt: world.now(),
        vpcId: region.subnets[subnets[0]?.subnetId ?? '']?.vpcId ?? '',
        subnets,
        securityGroups: (Array.isArray(props.SecurityGroups) ? props.SecurityGroups : []).map(
          String,
        ),
        attributes: attributesOf(props.LoadBalancerAttributes),
        tags: [
          ...tagsOf(props.Tags),
          ...stackTags(request.stackName, request.stackId, request.logicalId),
        ],
      };
      region.loadBalancers[arn] = balancer;
      return { physicalId: arn, attributes: loadBalancerAttributes(balancer) };
    },
    update(request) {
      const balancer = world.region(request.region).loadBalancers[request.physicalId];
      if (!balancer) throw new Error(`Load balancer '${request.physicalId}' not found`);
      balancer.securityGroups = (
        Array.isArray(request.properties.SecurityGroups) ? request.properties.SecurityGroups : []
      ).map(String);
      balancer.attributes = attributesOf(request.properties.LoadBalancerAttributes);
      balancer.subnets = subnetsOf(world.region(request.region), request.properties);
      return { physicalId: request.physicalId, attributes: loadBalancerAttributes(balancer) };
    },
    delete(request) {
      const region = world.region(request.region);
      const balancer = region.loadBalancers[request.physicalId];
      if (!balancer) return;
      delete region.loadBalancers[request.physicalId];
      for (const listener of Object.values(region.listeners)) {
        if (listener.loadBalancerArn === request.physicalId)
          delete region.listeners[listener.listenerArn];
      }
      void ports.release(balancer.localPort);
    },
    settle(physicalId) {
      const balancer = world.region(regionOfArn(physicalId)).loadBalancers[physicalId];
      if (!balancer) return { state: 'failed', reason: 'Load balancer not found' };
      return balancer.state === 'active' ? { state: 'settled' } : { state: 'pending' };
    },
  };

  const targetGroup: ResourceProvider = {
    create(request) {
      const region = world.region(request.region);
      const name = text(request.properties.Name) || generatedName(world, request, 32);
      const hex = world.random.hex(16);
      const arn = world.arn('elasticloadbalancing', request.region, `targetgroup/${name}/${hex}`);
      region.targetGroups[arn] = {
        targetGroupArn: arn,
        name,
        protocol: text(request.properties.Protocol, 'HTTP'),
        port: numberOr(request.properties.Port, 80),
        vpcId: text(request.properties.VpcId),
        targetType: text(request.properties.TargetType, 'instance'),
        healthCheck: healthCheckOf(request.properties),
        attributes: attributesOf(request.properties.TargetGroupAttributes),
        targets: [],
        tags: [
          ...tagsOf(request.properties.Tags),
          ...stackTags(request.stackName, request.stackId, request.logicalId),
        ],
      };
      return { physicalId: arn, attributes: targetGroupAttributes(region, arn) };
    },
    update(request) {
      const region = world.region(request.region);
      const group = region.targetGroups[request.physicalId];
      if (group) {
        group.healthCheck = healthCheckOf(request.properties);
        group.attributes = attributesOf(request.properties.TargetGroupAttributes);
      }
      return {
        physicalId: request.physicalId,
        attributes: targetGroupAttributes(region, request.physicalId),
      };
    },
    delete(request) {
      delete world.region(request.region).targetGroups[request.physicalId];
    },
  };

  const listener: ResourceProvider = {
    create(request) {
      const region = world.region(request.region);
      const balancer = region.loadBalancers[text(request.properties.LoadBalancerArn)];
      if (!balancer)
        throw new Error(
          'One or more load balancers not found (Service: ElasticLoadBalancingV2, Status Code: 400)',
        );
      const actions = actionsOf(request.properties.DefaultActions);
      checkTargetGroups(region, actions);
      const path = balancer.loadBalancerArn.split(':loadbalancer/')[1] ?? '';
      const arn = world.arn(
        'elasticloadbalancing',
        request.region,
        `listener/${path}/${world.random.hex(16)}`,
      );
      region.listeners[arn] = {
        listenerArn: arn,
        loadBalancerArn: balancer.loadBalancerArn,
        port: numberOr(request.properties.Port, 80),
        protocol: text(request.properties.Protocol, 'HTTP'),
        certificates: records(request.properties.Certificates).map((certificate) => ({
          CertificateArn: text(certificate.CertificateArn),
        })),
        sslPolicy:
          request.properties.SslPolicy === undefined
            ? undefined
            : text(request.properties.SslPolicy),
        defaultActions: actions,
      };
      return { physicalId: arn, attributes: { ListenerArn: arn } };
    },
    update(request) {
      const region = world.region(request.region);
      const existing = region.listeners[request.physicalId];
      if (existing) {
        const actions = actionsOf(request.properties.DefaultActions);
        checkTargetGroups(region, actions);
        existing.defaultActions = actions;
        existing.port = numberOr(request.properties.Port, existing.port);
        existing.protocol = text(request.properties.Protocol, existing.protocol);
        existing.certificates = records(request.properties.Certificates).map((certificate) => ({
          CertificateArn: text(certificate.CertificateArn),
        }));
      }
      return { physicalId: request.physicalId, attributes: { ListenerArn: request.physicalId } };
    },
    delete(request) {
      delete world.region(request.region).listeners[request.physicalId];
    },
  };

  return {
    'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancer,
    'AWS::ElasticLoadBalancingV2::TargetGroup': targetGroup,
    'AWS::ElasticLoadBalancingV2::Listener': listener,
  };
}

function subnetsOf(
  region: RegionState,
  props: Record<string, unknown>,
): { subnetId: string; zoneName: string }[] {
  const ids = [
    ...(Array.isArray(props.Subnets) ? props.Subnets.map(String) : []),
    ...records(props.SubnetMappings).map((mapping) => text(mapping.SubnetId)),
  ];
  return ids.map((subnetId) => {
    const subnet = region.subnets[subnetId];
    if (!subnet)
      throw new Error(
        `The subnet ID '${subnetId}' is not valid (Service: ElasticLoadBalancingV2, Status Code: 400)`,
      );
    return { subnetId, zoneName: subnet.availabilityZone };
  });
}

function loadBalancerAttributes(balancer: LoadBalancer): Record<string, unknown> {
  const path = balancer.loadBalancerArn.split(':loadbalancer/')[1] ?? '';
  return {
    DNSName: balancer.dnsName,
    CanonicalHostedZoneID: balancer.canonicalHostedZoneId,
    LoadBalancerFullName: path,
    LoadBalancerName: balancer.name,
    LoadBalancerArn: balancer.loadBalancerArn,
    SecurityGroups: balancer.securityGroups,
  };
}

function targetGroupAttributes(region: RegionState, arn: string): Record<string, unknown> {
  const group = region.targetGroups[arn];
  const loadBalancerArns = Object.values(region.listeners)
    .filter((listener) => listener.defaultActions.some((action) => action.TargetGroupArn === arn))
    .map((listener) => listener.loadBalancerArn);
  return {
    TargetGroupArn: arn,
    TargetGroupFullName: arn.split(':').pop() ?? '',
    TargetGroupName: group?.name ?? '',
    LoadBalancerArns: [...new Set(loadBalancerArns)],
  };
}

/** ELBv2's health-check defaults for HTTP target groups, overridden by the template. */
function healthCheckOf(props: Record<string, unknown>): HealthCheck {
  const matcher = (props.Matcher ?? {}) as Record<string, unknown>;
  return {
    protocol: text(props.HealthCheckProtocol, text(props.Protocol, 'HTTP')),
    port: text(props.HealthCheckPort, 'traffic-port'),
    path: text(props.HealthCheckPath, '/'),
    intervalSeconds: numberOr(props.HealthCheckIntervalSeconds, 30),
    timeoutSeconds: numberOr(props.HealthCheckTimeoutSeconds, 5),
    healthyThreshold: numberOr(props.HealthyThresholdCount, 5),
    unhealthyThreshold: numberOr(props.UnhealthyThresholdCount, 2),
    matcher: text(matcher.HttpCode, '200'),
    enabled: flag(props.HealthCheckEnabled, true),
  };
}

function attributesOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of records(value)) out[text(entry.Key)] = text(entry.Value);
  return out;
}

function actionsOf(value: unknown): ListenerAction[] {
  return records(value).map((action) => {
    const out: ListenerAction = { Type: text(action.Type) };
    if (action.TargetGroupArn !== undefined) out.TargetGroupArn = text(action.TargetGroupArn);
    if (action.Order !== undefined) out.Order = numberOr(action.Order, 1);
    if (action.RedirectConfig !== undefined)
      out.RedirectConfig = action.RedirectConfig as Record<string, unknown>;
    if (action.FixedResponseConfig !== undefined)
      out.FixedResponseConfig = action.FixedResponseConfig as Record<string, unknown>;
    if (action.ForwardConfig !== undefined)
      out.ForwardConfig = action.ForwardConfig as Record<string, unknown>;
    return out;
  });
}

function checkTargetGroups(region: RegionState, actions: ListenerAction[]): void {
  for (const action of actions) {
    if (action.TargetGroupArn && !region.targetGroups[action.TargetGroupArn]) {
      throw new Error(
        `Target group '${action.TargetGroupArn}' not found (Service: ElasticLoadBalancingV2, Status Code: 400)`,
      );
    }
  }
}
