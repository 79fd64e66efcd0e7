import { forwardTargets } from '../services/elbv2/views';
import { answerAsJenkins, type HttpAnswer } from '../traffic/jenkins-http';
import { LOAD_BALANCER_PROVISIONING_MS } from '../providers/elbv2';
import type { EcsService, RegionState, Target, TargetGroup, Task } from '../world/state';
import type { World } from '../world/world';
import { stepEc2Plugin } from './ec2-plugin';
import { stepInstances } from './ec2-instances';
import { stepEcs } from './ecs-scheduler';
import { controllerOf, servingTask } from './jenkins-controller';
import { stepTargetGroup } from './target-health';

/**
 * Runs the world on every clock step, region by region: load balancers finish provisioning,
 * instances boot and terminate, ECS schedules tasks, target groups run health checks against the
 * simulated Jenkins, and each Jenkins controller's EC2 plugin launches and reaps agents.
 */
export function stepWorld(world: World, now: number, cascText: () => string | undefined): void {
  for (const name of world.regionNames()) {
    const region = world.region(name);
    for (const balancer of Object.values(region.loadBalancers)) {
      if (
        balancer.state === 'provisioning' &&
        now - balancer.createdAt >= LOAD_BALANCER_PROVISIONING_MS
      ) {
        balancer.state = 'active';
      }
    }
    stepInstances(region, now);
    stepEcs(world, region, now);
    for (const group of Object.values(region.targetGroups)) {
      stepTargetGroup(group, now, (_group, target, path) => probe(region, target, path, now));
    }
    for (const service of Object.values(region.services)) {
      if (service.status !== 'ACTIVE') continue;
      const task = servingTask(region, service, now);
      if (!task) continue;
      stepEc2Plugin({
        world,
        region,
        service,
        controller: controllerOf(region, service),
        task,
        cascText,
        fallbackUrl: () => jenkinsUrlOf(region, service),
        now,
      });
    }
  }
}

function probe(
  region: RegionState,
  target: Target,
  path: string,
  now: number,
): { kind: 'timeout' } | { kind: 'response'; status: number } {
  const task = taskAt(region, target.id);
  const service = task ? region.services[task.serviceArn] : undefined;
  if (!task || !service) return { kind: 'timeout' };
  const answer = answerAsJenkins(region, service, task, path, now);
  return answer.status === 502 ? { kind: 'timeout' } : { kind: 'response', status: answer.status };
}

function taskAt(region: RegionState, ip: string): Task | undefined {
  return Object.values(region.tasks).find(
    (task) => task.privateIp === ip && task.lastStatus !== 'STOPPED',
  );
}

/** `http://<load balancer DNS name>/` of the load balancer in front of the service. */
function jenkinsUrlOf(region: RegionState, service: EcsService): string | undefined {
  const groupArn = service.loadBalancers[0]?.targetGroupArn;
  const listener = Object.values(region.listeners).find(
    (candidate) => groupArn !== undefined && forwardTargets(candidate).includes(groupArn),
  );
  const balancer = listener ? region.loadBalancers[listener.loadBalancerArn] : undefined;
  return balancer ? `http://${balancer.dnsName}/` : undefined;
}

/**
 * What a load balancer listening on `port` answers: it forwards to a healthy target of a target
 * group its listeners forward to (to any registered target when none is healthy, as an ALB fails
 * open), and answers 503 when there is no target at all.
 */
export function answerAtLoadBalancer(world: World, port: number, path: string): HttpAnswer {
  for (const name of world.regionNames()) {
    const region = world.region(name);
    const balancer = Object.values(region.loadBalancers).find(
      (candidate) => candidate.localPort === port,
    );
    if (!balancer) continue;
    const groups = Object.values(region.listeners)
      .filter((listener) => listener.loadBalancerArn === balancer.loadBalancerArn)
      .flatMap(forwardTargets)
      .map((arn) => region.targetGroups[arn])
      .filter((group): group is TargetGroup => group !== undefined);
    const targets = groups.flatMap((group) =>
      group.targets.filter((target) => target.state !== 'draining'),
    );
    const healthy = targets.filter((target) => target.state === 'healthy');
    const chosen = (healthy.length > 0 ? healthy : targets)[0];
    const task = chosen ? taskAt(region, chosen.id) : undefined;
    const service = task ? region.services[task.serviceArn] : undefined;
    if (!task || !service) return unavailable();
    const answer = answerAsJenkins(region, service, task, path, world.now());
    return answer.status === 502 ? badGateway() : answer;
  }
  return unavailable();
}

function unavailable(): HttpAnswer {
  return {
    status: 503,
    headers: { 'content-type': 'text/html', server: 'awselb/2.0' },
    body: '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>',
  };
}

function badGateway(): HttpAnswer {
  return {
    status: 502,
    headers: { 'content-type': 'text/html', server: 'awselb/2.0' },
    body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
  };
}
