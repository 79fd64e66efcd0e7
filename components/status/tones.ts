import { canUpdate, isFailed, isInProgress, isRollback } from '@/lib/stacks/status';
import type { VerdictLayer, VerdictLevel } from '@/lib/status/types';
import type { Tone } from '../ui/tone';

const VERDICT_TONES: Record<VerdictLevel, Tone> = {
  Healthy: 'good',
  Progressing: 'moving',
  Degraded: 'warn',
  Down: 'bad',
  Unknown: 'neutral',
};

/** The colour of a verdict: Healthy green, Progressing blue, Degraded amber, Down red, else grey. */
export function verdictTone(level: VerdictLevel): Tone {
  return VERDICT_TONES[level];
}

/** The layers of the verdict in the person's words. */
export const VERDICT_LAYER_LABELS: Record<VerdictLayer, string> = {
  stack: 'CloudFormation stack',
  rollout: 'Controller rollout (ECS)',
  target: 'Load balancer target health',
  jenkins: 'Jenkins /login',
  queue: 'Build queue',
};

/**
 * The colour of a CloudFormation stack status, from the shared status rules: a failed
 * operation red, one in progress blue, a completed rollback amber (the stack works but the
 * last change did not land), a settled stack green.
 */
export function stackStatusTone(status: string): Tone {
  if (isFailed(status)) return 'bad';
  if (isInProgress(status)) return 'moving';
  if (isRollback(status)) return 'warn';
  if (canUpdate(status)) return 'good';
  return 'neutral';
}

/** ECS task and EC2 instance lifecycle states: running green, on the way blue, ended grey. */
export function lifecycleTone(state: string): Tone {
  const normal = state.toLowerCase();
  if (normal === 'running' || normal === 'active' || normal === 'healthy') return 'good';
  if (normal === 'unhealthy' || normal === 'failed') return 'bad';
  if (normal === 'draining' || normal === 'stopping' || normal === 'shutting-down') return 'warn';
  if (/pending|provisioning|activating|initial|in_progress|deactivating/.test(normal)) {
    return 'moving';
  }
  return 'neutral';
}
