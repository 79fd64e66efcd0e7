import { isFailed, isInProgress } from '../stacks/status';
import type { ControllerView, JenkinsView, StackView, Verdict, TargetView } from './types';

/** Jenkins answering slower than this is called slow. */
export const SLOW_LOGIN_MS = 3_000;

/** Likely causes of target-health reason codes, from the ELB documentation's reason table. */
const TARGET_CAUSES: Record<string, string> = {
  'Target.ResponseCodeMismatch':
    'Jenkins answers the health check with an unexpected code; this usually means a wrong health-check path or matcher (Jenkins answers 403 on / when anonymous read is off; check /login with 200).',
  'Target.FailedHealthChecks':
    'Jenkins does not answer on the health-check port; check the container logs for a failed start or an out-of-memory JVM.',
  'Target.Timeout':
    'The health check timed out; Jenkins may be starting or overloaded, or a security group blocks the load balancer.',
  'Target.NotRegistered':
    'No task is registered in the target group; the service may be scaled to 0.',
  'Target.DeregistrationInProgress':
    'The target is draining after its task was stopped or replaced.',
  'Elb.InitialHealthChecking':
    'The load balancer is running its first health checks on a new task.',
};

function healthCheckNote(controller: ControllerView): string {
  const check = controller.healthCheck;
  if (check === undefined) return '';
  const parts = [
    check.path === undefined ? undefined : `path ${check.path}`,
    check.port === undefined ? undefined : `port ${check.port}`,
    check.matcher === undefined ? undefined : `matcher ${check.matcher}`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? '' : ` Health check: ${parts.join(', ')}.`;
}

function replacementsNote(controller: ControllerView): string {
  const stops = controller.events.filter((event) =>
    /has stopped \d+ running tasks?/.test(event.message),
  );
  return stops.length === 0 ? '' : ` ${stops.length} task replacement(s) in recent service events.`;
}

function level(
  levelName: Verdict['level'],
  layer: Verdict['layer'],
  summary: string,
  cause?: string,
): Verdict {
  return { level: levelName, layer, summary, cause };
}

function stackLayer(stack: StackView): Verdict | undefined {
  if (isInProgress(stack.status)) {
    return level('Progressing', 'stack', `Stack operation running (${stack.status}).`);
  }
  if (stack.status === 'ROLLBACK_COMPLETE') {
    return level(
      'Down',
      'stack',
      'The first create failed and was rolled back; nothing is deployed.',
      stack.statusReason ?? 'See the stack events for the first resource that failed.',
    );
  }
  if (stack.status === 'UPDATE_ROLLBACK_FAILED') {
    return level(
      'Degraded',
      'stack',
      'The last update failed and could not be rolled back; the stack cannot be edited.',
      'Continue the rollback (optionally skipping resources that cannot roll back).',
    );
  }
  if (stack.status.startsWith('DELETE') || isFailed(stack.status)) {
    return level('Down', 'stack', `Stack is ${stack.status}.`, stack.statusReason);
  }
  return undefined;
}

function rolloutLayer(controller: ControllerView): Verdict | undefined {
  if (controller.serviceStatus === 'MISSING') {
    return level(
      'Down',
      'rollout',
      `The controller service was not found in cluster ${controller.clusterName}.`,
    );
  }
  if (controller.serviceStatus !== 'ACTIVE') {
    return level('Down', 'rollout', `The controller service is ${controller.serviceStatus}.`);
  }
  if (controller.desired === 0) {
    return level(
      'Down',
      'rollout',
      'The controller is turned off (desired count 0).',
      'Turn the controller on to bring Jenkins back.',
    );
  }
  const failed = controller.deployments.find((deployment) => deployment.rolloutState === 'FAILED');
  const primary = controller.deployments.find((deployment) => deployment.status === 'PRIMARY');
  if (failed !== undefined) {
    return level(
      'Degraded',
      'rollout',
      'The last deployment failed and was rolled back.',
      failed.rolloutStateReason ?? 'The ECS deployment circuit breaker stopped it.',
    );
  }
  if (primary?.rolloutState === 'IN_PROGRESS' || controller.deployments.length > 1) {
    const lastStopped = controller.tasks.find((task) => task.stoppedReason !== undefined);
    return level(
      'Progressing',
      'rollout',
      'A controller deployment is rolling out.',
      lastStopped?.stoppedReason === undefined
        ? undefined
        : `Last stopped task: ${lastStopped.stoppedReason}`,
    );
  }
  if (controller.running < controller.desired) {
    const lastStopped = controller.tasks.find((task) => task.stoppedReason !== undefined);
    return level(
      controller.running === 0 ? 'Down' : 'Degraded',
      'rollout',
      `${controller.running} of ${controller.desired} controller task(s) running.`,
      lastStopped?.stoppedReason === undefined
        ? undefined
        : `Last stopped task: ${lastStopped.stoppedReason}`,
    );
  }
  if (controller.taskDefinitionMismatch) {
    return level(
      'Degraded',
      'rollout',
      'ECS runs a different task definition than the stack declares.',
      'A deployment may have been rolled back by the circuit breaker while the stack reported success.',
    );
  }
  return undefined;
}

function targetLayer(controller: ControllerView): Verdict | undefined {
  const targets = controller.targets;
  if (targets.some((target) => target.state === 'healthy')) return undefined;
  const first: TargetView | undefined = targets[0];
  if (first === undefined) {
    return level(
      'Down',
      'target',
      'No controller task is registered with the load balancer.',
      TARGET_CAUSES['Target.NotRegistered'],
    );
  }
  if (first.state === 'initial' || first.state === 'draining') {
    return level(
      'Progressing',
      'target',
      `Load balancer target is ${first.state}.`,
      TARGET_CAUSES[first.reason ?? ''],
    );
  }
  const code = /codes: \[([^\]]+)\]/.exec(first.description ?? '')?.[1];
  const summary =
    code === undefined
      ? `Jenkins is running but the load balancer marks it ${first.state}.`
      : `Jenkins is running but the load balancer marks it unhealthy (response code ${code}).`;
  const cause =
    (TARGET_CAUSES[first.reason ?? ''] ?? first.description ?? '') +
    healthCheckNote(controller) +
    replacementsNote(controller);
  return level('Down', 'target', summary, cause.trim() === '' ? undefined : cause.trim());
}

function jenkinsLayer(jenkins: JenkinsView): Verdict | undefined {
  if (!jenkins.reachable) {
    return level(
      'Degraded',
      'jenkins',
      'The load balancer reports Jenkins healthy, but its URL does not answer from here.',
      jenkins.error ??
        'Check DNS for the Jenkins URL and that the load balancer allows this network.',
    );
  }
  if (jenkins.responseMs !== undefined && jenkins.responseMs > SLOW_LOGIN_MS) {
    return level(
      'Degraded',
      'jenkins',
      `Jenkins answers slowly (${Math.round(jenkins.responseMs)} ms for /login).`,
      'The controller may need more CPU or memory.',
    );
  }
  return undefined;
}

function queueLayer(jenkins: JenkinsView, headroom: number | undefined): Verdict | undefined {
  if (jenkins.stuckItems === undefined || jenkins.stuckItems === 0) return undefined;
  const cause =
    headroom === 0
      ? 'The agent pool is at its instance cap; raise the cap or wait for builds to finish.'
      : 'Agents are not coming online; check the EC2 plugin log and the agent AMI and subnets.';
  return level(
    'Degraded',
    'queue',
    `${jenkins.stuckItems} build(s) waiting for an agent for more than 10 minutes.`,
    cause,
  );
}

/**
 * The stack's verdict, reasoned in layers: stack status → controller rollout → load-balancer
 * target health → Jenkins reachable and how fast → build queue moving. The first layer that
 * is not fine decides, named with its likely cause. `runningCount == desiredCount` alone never
 * makes it Healthy (C21): the target and Jenkins layers must agree.
 */
export function verdictOf(snapshot: {
  stack: StackView;
  controller: ControllerView | undefined;
  jenkins: JenkinsView | undefined;
  headroom: number | undefined;
}): Verdict {
  const { stack, controller, jenkins, headroom } = snapshot;
  const stackVerdict = stackLayer(stack);
  if (stackVerdict !== undefined && stackVerdict.level !== 'Progressing') return stackVerdict;
  if (controller === undefined) {
    return stackVerdict ?? level('Unknown', undefined, 'The controller service could not be read.');
  }
  const lower =
    rolloutLayer(controller) ??
    targetLayer(controller) ??
    (jenkins === undefined ? undefined : (jenkinsLayer(jenkins) ?? queueLayer(jenkins, headroom)));
  if (stackVerdict !== undefined) {
    // While the stack operation runs, what ECS and the load balancer say is the news (C17):
    // a task that cannot be placed shows within minutes, not when CloudFormation times out.
    const news = [lower?.summary, lower?.cause].filter((part) => part !== undefined).join(' ');
    return news === '' ? stackVerdict : { ...stackVerdict, cause: news };
  }
  if (lower !== undefined) return lower;
  if (jenkins === undefined) {
    return level('Unknown', 'jenkins', 'Jenkins could not be checked.');
  }
  return level('Healthy', undefined, 'Jenkins is serving and agents can launch.');
}
