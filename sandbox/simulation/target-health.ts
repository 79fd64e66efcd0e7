import type { Target, TargetGroup } from '../world/state';

/** What one health check saw. */
export type ProbeResult =
  { readonly kind: 'response'; readonly status: number } | { readonly kind: 'timeout' };

/** Sends one health check to a target (in-process: the simulated Jenkins answers it). */
export type HealthProbe = (group: TargetGroup, target: Target, path: string) => ProbeResult;

const DEFAULT_DEREGISTRATION_DELAY_SECONDS = 300;

/** Registers a target; a draining target with the same id and port is registered again. */
export function registerTarget(
  group: TargetGroup,
  id: string,
  port: number,
  zone: string,
  now: number,
): void {
  group.targets = group.targets.filter((target) => !(target.id === id && target.port === port));
  group.targets.push({
    id,
    port,
    availabilityZone: zone,
    state: 'initial',
    reason: 'Elb.RegistrationInProgress',
    description: 'Target registration is in progress',
    registeredAt: now,
    nextCheckAt: now + group.healthCheck.intervalSeconds * 1000,
    passes: 0,
    failures: 0,
  });
}

/** Starts draining a target for the group's deregistration delay. */
export function deregisterTarget(
  group: TargetGroup,
  id: string,
  port: number,
  now: number,
): boolean {
  const target = group.targets.find((candidate) => candidate.id === id && candidate.port === port);
  if (!target || target.state === 'draining') return false;
  const delay = Number(
    group.attributes['deregistration_delay.timeout_seconds'] ??
      DEFAULT_DEREGISTRATION_DELAY_SECONDS,
  );
  target.state = 'draining';
  target.reason = 'Target.DeregistrationInProgress';
  target.description = 'Target deregistration is in progress';
  target.drainingUntil = now + delay * 1000;
  return true;
}

/**
 * Runs the health checks that are due: every `interval` seconds per target; `healthyThreshold`
 * consecutive passes make it healthy, `unhealthyThreshold` consecutive failures unhealthy, with
 * the reason codes ELBv2 reports. Draining targets leave after the deregistration delay.
 */
export function stepTargetGroup(group: TargetGroup, now: number, probe: HealthProbe): void {
  const check = group.healthCheck;
  const intervalMs = Math.max(5, check.intervalSeconds) * 1000;

  for (const target of [...group.targets]) {
    if (target.state === 'draining') {
      if (now >= (target.drainingUntil ?? now))
        group.targets.splice(group.targets.indexOf(target), 1);
      continue;
    }
    if (now < target.nextCheckAt) continue;
    target.nextCheckAt += intervalMs;
    if (target.nextCheckAt <= now) target.nextCheckAt = now + intervalMs;

    const failure = group.forcedFailure
      ? forcedFailure(group.forcedFailure)
      : judge(
          check.matcher,
          check.enabled ? probe(group, target, check.path) : { kind: 'response', status: 200 },
        );

    if (!failure) {
      target.passes += 1;
      target.failures = 0;
      if (target.state !== 'healthy' && target.passes >= check.healthyThreshold) {
        setState(target, 'healthy');
      } else if (target.state === 'initial') {
        setState(
          target,
          'initial',
          'Elb.InitialHealthChecking',
          'Initial health checks in progress',
        );
      }
    } else {
      target.failures += 1;
      target.passes = 0;
      if (target.state !== 'unhealthy' && target.failures >= check.unhealthyThreshold) {
        setState(target, 'unhealthy', failure.reason, failure.description);
      } else if (target.state === 'unhealthy') {
        setState(target, 'unhealthy', failure.reason, failure.description);
      } else if (target.state === 'initial') {
        setState(
          target,
          'initial',
          'Elb.InitialHealthChecking',
          'Initial health checks in progress',
        );
      }
    }
  }
}

function setState(
  target: Target,
  state: Target['state'],
  reason?: string,
  description?: string,
): void {
  target.state = state;
  target.reason = reason;
  target.description = description;
}

interface Failure {
  readonly reason: string;
  readonly description: string;
}

function forcedFailure(reason: NonNullable<TargetGroup['forcedFailure']>): Failure {
  return reason === 'Target.ResponseCodeMismatch'
    ? { reason, description: 'Health checks failed with these codes: [403]' }
    : { reason, description: 'Health checks failed' };
}

function judge(matcher: string, result: ProbeResult): Failure | undefined {
  if (result.kind === 'timeout')
    return { reason: 'Target.Timeout', description: 'Request timed out' };
  if (matchesCode(matcher, result.status)) return undefined;
  return {
    reason: 'Target.ResponseCodeMismatch',
    description: `Health checks failed with these codes: [${result.status}]`,
  };
}

/** ELBv2 matchers: `200`, `200,302`, `200-399`. */
export function matchesCode(matcher: string, status: number): boolean {
  return matcher.split(',').some((part) => {
    const [low, high] = part.trim().split('-').map(Number);
    if (low === undefined || Number.isNaN(low)) return false;
    return high === undefined ? status === low : status >= low && status <= high;
  });
}
