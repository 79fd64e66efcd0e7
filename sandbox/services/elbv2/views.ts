import type { Listener, LoadBalancer, RegionState, Target, TargetGroup } from '../../world/state';

export function loadBalancerView(loadBalancer: LoadBalancer): Record<string, unknown> {
  return {
    LoadBalancerArn: loadBalancer.loadBalancerArn,
    DNSName: loadBalancer.dnsName,
    CanonicalHostedZoneId: loadBalancer.canonicalHostedZoneId,
    CreatedTime: new Date(loadBalancer.createdAt),
    LoadBalancerName: loadBalancer.name,
    Scheme: loadBalancer.scheme,
    VpcId: loadBalancer.vpcId,
    State: { Code: loadBalancer.state },
    Type: loadBalancer.type,
    AvailabilityZones: loadBalancer.subnets.map((subnet) => ({
      ZoneName: subnet.zoneName,
      SubnetId: subnet.subnetId,
      LoadBalancerAddresses: [],
    })),
    SecurityGroups: loadBalancer.securityGroups,
    IpAddressType: loadBalancer.ipAddressType,
  };
}

/** Load balancers whose listeners forward to this target group. */
export function loadBalancersOf(region: RegionState, group: TargetGroup): string[] {
  const arns = new Set<string>();
  for (const listener of Object.values(region.listeners)) {
    if (forwardTargets(listener).includes(group.targetGroupArn)) arns.add(listener.loadBalancerArn);
  }
  return [...arns];
}

/** Target groups a listener's default actions forward to. */
export function forwardTargets(listener: Listener): string[] {
  const arns: string[] = [];
  for (const action of listener.defaultActions) {
    if (action.Type !== 'forward') continue;
    if (action.TargetGroupArn) arns.push(action.TargetGroupArn);
    const groups = (action.ForwardConfig?.TargetGroups ?? []) as { TargetGroupArn?: string }[];
    for (const group of groups) if (group.TargetGroupArn) arns.push(group.TargetGroupArn);
  }
  return arns;
}

export function targetGroupView(region: RegionState, group: TargetGroup): Record<string, unknown> {
  const check = group.healthCheck;
  return {
    TargetGroupArn: group.targetGroupArn,
    TargetGroupName: group.name,
    Protocol: group.protocol,
    Port: group.port,
    VpcId: group.vpcId,
    HealthCheckProtocol: check.protocol,
    HealthCheckPort: check.port,
    HealthCheckEnabled: check.enabled,
    HealthCheckIntervalSeconds: check.intervalSeconds,
    HealthCheckTimeoutSeconds: check.timeoutSeconds,
    HealthyThresholdCount: check.healthyThreshold,
    UnhealthyThresholdCount: check.unhealthyThreshold,
    HealthCheckPath: check.path,
    Matcher: { HttpCode: check.matcher },
    LoadBalancerArns: loadBalancersOf(region, group),
    TargetType: group.targetType,
    ProtocolVersion: 'HTTP1',
    IpAddressType: 'ipv4',
  };
}

export function listenerView(listener: Listener): Record<string, unknown> {
  return {
    ListenerArn: listener.listenerArn,
    LoadBalancerArn: listener.loadBalancerArn,
    Port: listener.port,
    Protocol: listener.protocol,
    Certificates: listener.certificates.length > 0 ? listener.certificates : undefined,
    SslPolicy: listener.sslPolicy,
    DefaultActions: listener.defaultActions,
  };
}

/** One target's health as DescribeTargetHealth reports it. */
export function targetHealthView(
  region: RegionState,
  group: TargetGroup,
  target: Target,
): Record<string, unknown> {
  const healthCheckPort =
    group.healthCheck.port === 'traffic-port' ? String(target.port) : group.healthCheck.port;
  const inUse = loadBalancersOf(region, group).length > 0;
  const health =
    !inUse && target.state !== 'draining'
      ? {
          State: 'unused',
          Reason: 'Target.NotInUse',
          Description: 'Target group is not configured to receive traffic from the load balancer',
        }
      : { State: target.state, Reason: target.reason, Description: target.description };
  return {
    Target: { Id: target.id, Port: target.port, AvailabilityZone: target.availabilityZone },
    HealthCheckPort: healthCheckPort,
    TargetHealth: health,
  };
}
