import { AwsServiceError } from '../../core/errors';
import {
  decodePageToken,
  encodePageToken,
  optionalInt,
  optionalString,
  recordList,
  stringList,
} from '../../core/input';
import type { OperationHandler, ServiceDefinition } from '../../core/types';
import type { World } from '../../world/world';
import {
  listenerView,
  loadBalancerView,
  loadBalancersOf,
  targetGroupView,
  targetHealthView,
} from './views';

/** The Elastic Load Balancing v2 calls the dashboard makes (awsQuery, version 2015-12-01). */
export function createElbv2Service(world: World): ServiceDefinition {
  const operations: Record<string, OperationHandler> = {
    DescribeLoadBalancers(input, call) {
      const region = world.region(call.region);
      const arns = stringList(input.LoadBalancerArns);
      const names = stringList(input.Names);
      const all = Object.values(region.loadBalancers);
      const missing =
        arns.some((arn) => !all.some((lb) => lb.loadBalancerArn === arn)) ||
        names.some((name) => !all.some((lb) => lb.name === name));
      if (missing) {
        throw new AwsServiceError('LoadBalancerNotFound', 'One or more load balancers not found');
      }
      const selected = all.filter(
        (lb) =>
          (arns.length === 0 || arns.includes(lb.loadBalancerArn)) &&
          (names.length === 0 || names.includes(lb.name)),
      );
      const page = paginate(selected, input, 'loadbalancers');
      return { LoadBalancers: page.items.map(loadBalancerView), NextMarker: page.nextMarker };
    },

    DescribeTargetGroups(input, call) {
      const region = world.region(call.region);
      const loadBalancerArn = optionalString(input.LoadBalancerArn);
      const arns = stringList(input.TargetGroupArns);
      const names = stringList(input.Names);
      if (loadBalancerArn !== undefined && !region.loadBalancers[loadBalancerArn]) {
        throw new AwsServiceError('LoadBalancerNotFound', 'One or more load balancers not found');
      }
      const all = Object.values(region.targetGroups);
      const missing =
        arns.some((arn) => !region.targetGroups[arn]) ||
        names.some((name) => !all.some((group) => group.name === name));
      if (missing)
        throw new AwsServiceError('TargetGroupNotFound', 'One or more target groups not found');
      const selected = all.filter(
        (group) =>
          (arns.length === 0 || arns.includes(group.targetGroupArn)) &&
          (names.length === 0 || names.includes(group.name)) &&
          (loadBalancerArn === undefined ||
            loadBalancersOf(region, group).includes(loadBalancerArn)),
      );
      const page = paginate(selected, input, 'targetgroups');
      return {
        TargetGroups: page.items.map((group) => targetGroupView(region, group)),
        NextMarker: page.nextMarker,
      };
    },

    DescribeTargetHealth(input, call) {
      const region = world.region(call.region);
      const group = region.targetGroups[optionalString(input.TargetGroupArn) ?? ''];
      if (!group)
        throw new AwsServiceError('TargetGroupNotFound', 'One or more target groups not found');
      const asked = recordList(input.Targets);
      if (asked.length === 0) {
        return {
          TargetHealthDescriptions: group.targets.map((target) =>
            targetHealthView(region, group, target),
          ),
        };
      }
      return {
        TargetHealthDescriptions: asked.map((wanted) => {
          const id = String(wanted.Id ?? '');
          const port = optionalInt(wanted.Port, 'Port');
          const target = group.targets.find(
            (candidate) => candidate.id === id && (port === undefined || candidate.port === port),
          );
          if (target) return targetHealthView(region, group, target);
          return {
            Target: { Id: id, Port: port ?? group.port },
            HealthCheckPort: String(port ?? group.port),
            TargetHealth: {
              State: 'unused',
              Reason: 'Target.NotRegistered',
              Description: 'Target is not registered to the target group',
            },
          };
        }),
      };
    },

    DescribeListeners(input, call) {
      const region = world.region(call.region);
      const loadBalancerArn = optionalString(input.LoadBalancerArn);
      const arns = stringList(input.ListenerArns);
      if (loadBalancerArn === undefined && arns.length === 0) {
        throw new AwsServiceError(
          'ValidationError',
          'You must specify either listener ARNs or a load balancer ARN',
        );
      }
      if (loadBalancerArn !== undefined && !region.loadBalancers[loadBalancerArn]) {
        throw new AwsServiceError('LoadBalancerNotFound', 'One or more load balancers not found');
      }
      if (arns.some((arn) => !region.listeners[arn])) {
        throw new AwsServiceError('ListenerNotFound', 'One or more listeners not found');
      }
      const selected = Object.values(region.listeners).filter(
        (listener) =>
          (loadBalancerArn === undefined || listener.loadBalancerArn === loadBalancerArn) &&
          (arns.length === 0 || arns.includes(listener.listenerArn)),
      );
      const page = paginate(selected, input, 'listeners');
      return { Listeners: page.items.map(listenerView), NextMarker: page.nextMarker };
    },
  };

  return {
    signingName: 'elasticloadbalancing',
    protocol: 'query',
    xmlNamespace: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
    operations,
  };
}

/** ELBv2 paging: `PageSize` 1–400, `Marker` in, `NextMarker` out. */
function paginate<T>(
  items: T[],
  input: Record<string, unknown>,
  scope: string,
): { items: T[]; nextMarker?: string } {
  const pageSize = optionalInt(input.PageSize, 'PageSize') ?? 400;
  if (pageSize < 1 || pageSize > 400) {
    throw new AwsServiceError(
      'ValidationError',
      `1 validation error detected: Value '${pageSize}' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 400`,
    );
  }
  const marker = optionalString(input.Marker);
  const offset = marker === undefined ? 0 : decodePageToken(marker, scope);
  if (offset === undefined) throw new AwsServiceError('ValidationError', 'The marker is not valid');
  const page = items.slice(offset, offset + pageSize);
  const next = offset + page.length;
  return {
    items: page,
    nextMarker: next < items.length ? encodePageToken(next, scope) : undefined,
  };
}
