import type { TickingClock } from '../core/clock';
import type { CloudFormationSandbox } from '../cloudformation/index';
import type { FaultInjector, FaultRule } from '../evidence/faults';
import type { RequestLog } from '../evidence/request-log';
import type { WireResponse } from '../protocols/wire';
import { addAgentInstances, MAX_ADDED_AGENTS } from './agents';
import type { AwsRequest } from '../server/dispatch';
import { findCluster, findService, taskId } from '../services/ecs/lookup';
import { stopTask } from '../simulation/ecs-tasks';
import { controllerOf } from '../simulation/jenkins-controller';
import type { EcsService, RegionState, TargetGroup } from '../world/state';
import type { World } from '../world/world';

export const CONTROL_PREFIX = '/_sandbox/';
const DEFAULT_REGION = 'eu-west-1';

export interface ControlDeps {
  readonly world: World;
  readonly clock: TickingClock;
  readonly requests: RequestLog;
  readonly faults: FaultInjector;
  readonly cloudFormation: CloudFormationSandbox;
  readonly url: () => string;
}

/** A control-API failure: answered as `{ error }` with its HTTP status. */
class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The sandbox's control API under `/_sandbox/` (plain JSON, no SigV4): health, the request log,
 * faults, the clock, and the world's misbehaviour on demand (crash the controller task, make
 * targets unhealthy, fail a stack resource, set the Jenkins build queue, add agent instances).
 */
export function controlHandler(
  deps: ControlDeps,
): (request: AwsRequest) => Promise<WireResponse | undefined> {
  return async (request) => {
    const url = new URL(request.url, 'http://sandbox');
    if (!url.pathname.startsWith(CONTROL_PREFIX)) return undefined;
    const route = `${request.method} ${url.pathname.slice(CONTROL_PREFIX.length - 1)}`;
    try {
      const body =
        request.body.trim().length > 0 ? (JSON.parse(request.body) as Record<string, unknown>) : {};
      return json(200, answer(deps, route, body, url.searchParams));
    } catch (error) {
      if (error instanceof ControlError) return json(error.status, { error: error.message });
      if (error instanceof SyntaxError) return json(400, { error: 'The body is not valid JSON.' });
      return json(400, { error: error instanceof Error ? error.message : String(error) });
    }
  };
}

function answer(
  deps: ControlDeps,
  route: string,
  body: Record<string, unknown>,
  query: URLSearchParams,
): unknown {
  const { world, clock } = deps;
  switch (route) {
    case 'GET /health':
      return {
        status: 'ok',
        url: deps.url(),
        simulatedTime: new Date(clock.now()).toISOString(),
        speed: clock.currentSpeed(),
        regions: world.regionNames(),
        accountId: world.accountId,
      };
    case 'GET /requests':
      return deps.requests.snapshot(Number(query.get('since') ?? 0));
    case 'DELETE /requests':
      deps.requests.clear();
      return { cleared: true };
    case 'GET /faults':
      return { rules: deps.faults.list() };
    case 'POST /faults':
      deps.faults.set(Array.isArray(body.rules) ? (body.rules as FaultRule[]) : []);
      return { rules: deps.faults.list() };
    case 'DELETE /faults':
      deps.faults.set([]);
      return { rules: [] };
    case 'POST /clock':
      if (typeof body.speed === 'number') clock.setSpeed(body.speed);
      if (typeof body.advanceMs === 'number') clock.advanceBy(body.advanceMs);
      return {
        simulatedTime: new Date(clock.now()).toISOString(),
        now: clock.now(),
        speed: clock.currentSpeed(),
      };
    case 'POST /ecs/crash-task':
      return crashTask(deps, body);
    case 'POST /targets/unhealthy':
      return makeTargetsUnhealthy(deps, body);
    case 'POST /cloudformation/fail-resource':
      deps.cloudFormation.failResourceOnNextOperation(
        regionOf(body),
        required(body, 'stackName'),
        required(body, 'logicalId'),
        typeof body.reason === 'string'
          ? body.reason
          : 'Resource failed on request of the sandbox control API.',
      );
      return { armed: true };
    case 'GET /cloudformation/parameters': {
      const body = Object.fromEntries(query);
      const parameters = deps.cloudFormation.deployedParameters(
        regionOf(body),
        required(body, 'stackName'),
      );
      if (parameters === undefined) throw new ControlError(404, 'No such live stack');
      return { parameters };
    }
    case 'POST /jenkins/queue': {
      const { region, service } = controllerService(deps, body);
      const length = Number(body.length);
      if (!Number.isInteger(length) || length < 0)
        throw new ControlError(400, 'length must be a whole number ≥ 0');
      controllerOf(region, service).demand = length;
      return { serviceArn: service.serviceArn, length };
    }
    case 'POST /ec2/agents': {
      const { region, service } = controllerService(deps, body);
      const count = Number(body.count);
      if (!Number.isInteger(count) || count < 1 || count > MAX_ADDED_AGENTS)
        throw new ControlError(400, `count must be a whole number from 1 to ${MAX_ADDED_AGENTS}`);
      try {
        const instanceIds = addAgentInstances(deps.world, region, service, count);
        return { added: instanceIds.length, instanceIds };
      } catch (error) {
        throw new ControlError(409, error instanceof Error ? error.message : String(error));
      }
    }
    case 'GET /jenkins': {
      const body = Object.fromEntries(query);
      const { region, service } = controllerService(deps, body);
      return controllerOf(region, service);
    }
    default:
      throw new ControlError(404, `No control route ${route}`);
  }
}

function crashTask(deps: ControlDeps, body: Record<string, unknown>): unknown {
  const { region, service } = controllerService(deps, body);
  const task = Object.values(region.tasks).find(
    (candidate) =>
      candidate.serviceArn === service.serviceArn &&
      candidate.desiredStatus === 'RUNNING' &&
      candidate.lastStatus === 'RUNNING',
  );
  if (!task)
    throw new ControlError(409, `Service ${service.serviceName} has no running task to crash.`);
  stopTask(deps.world, region, task, {
    reason: typeof body.reason === 'string' ? body.reason : 'Essential container in task exited',
    stopCode: 'EssentialContainerExited',
    failed: true,
    exitCode: 137,
  });
  return { taskArn: task.taskArn, taskId: taskId(task) };
}

function makeTargetsUnhealthy(deps: ControlDeps, body: Record<string, unknown>): unknown {
  const region = deps.world.region(regionOf(body));
  const groups = targetGroupsOf(deps, region, body);
  const clear = body.clear === true;
  const reason =
    body.reason === 'Target.FailedHealthChecks'
      ? 'Target.FailedHealthChecks'
      : 'Target.ResponseCodeMismatch';
  for (const group of groups) group.forcedFailure = clear ? undefined : reason;
  return {
    targetGroupArns: groups.map((group) => group.targetGroupArn),
    failing: clear ? null : reason,
  };
}

function targetGroupsOf(
  deps: ControlDeps,
  region: RegionState,
  body: Record<string, unknown>,
): TargetGroup[] {
  if (typeof body.targetGroupArn === 'string') {
    const group = region.targetGroups[body.targetGroupArn];
    if (!group) throw new ControlError(404, `Target group ${body.targetGroupArn} not found.`);
    return [group];
  }
  const { service } = controllerService(deps, body);
  return service.loadBalancers
    .map((balancer) => region.targetGroups[balancer.targetGroupArn])
    .filter((group): group is TargetGroup => group !== undefined);
}

/** The ECS service named by `cluster` + `service`, or the controller service of `stackName`. */
function controllerService(
  deps: ControlDeps,
  body: Record<string, unknown>,
): { region: RegionState; service: EcsService } {
  const region = deps.world.region(regionOf(body));
  const active = Object.values(region.services).filter((service) => service.status === 'ACTIVE');
  let service: EcsService | undefined;
  if (typeof body.stackName === 'string') {
    service = active.find((candidate) => candidate.stackName === body.stackName);
  } else if (typeof body.cluster === 'string') {
    const cluster = findCluster(region, body.cluster);
    service = cluster
      ? typeof body.service === 'string'
        ? findService(region, cluster, body.service)
        : active.find((candidate) => candidate.clusterArn === cluster.clusterArn)
      : undefined;
  } else {
    throw new ControlError(400, 'Name the controller by stackName, or by cluster (and service).');
  }
  if (!service) throw new ControlError(404, 'No such ECS service.');
  return { region, service };
}

function regionOf(body: Record<string, unknown>): string {
  return typeof body.region === 'string' ? body.region : DEFAULT_REGION;
}

function required(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value.length === 0)
    throw new ControlError(400, `${key} is required`);
  return value;
}

function json(status: number, value: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}
