import type { ResourceChangeView } from '@/lib/stacks/change-set-view';
import type { NeedsConfirmation } from './edit-state';
import type { ScaleValues } from './edits';

function builds(count: number | undefined): string {
  if (count === undefined)
    return 'running builds will be interrupted (Jenkins did not say how many)';
  if (count === 0) return 'no builds are running right now';
  return count === 1
    ? '1 running build will be interrupted'
    : `${count} running builds will be interrupted`;
}

function listed(ids: readonly string[]): string {
  return ids.join(', ');
}

/**
 * The plain warnings of a review, most serious first. Turning the controller off always says
 * Jenkins goes down; turning it on says it starts; any other change to the controller's task
 * definition or service says it restarts and how many builds it interrupts (C24). Replaced
 * resources are named, including ones the person did not ask about, such as agents rolling to
 * a newer AMI (C12).
 */
export function reviewWarnings(
  review: Pick<NeedsConfirmation, 'safety' | 'runningBuilds'>,
  changes: ScaleValues,
  seen: ScaleValues,
): string[] {
  const warnings: string[] = [];
  const { safety, runningBuilds } = review;
  if (changes.ControllerEnabled === 'false') {
    warnings.push(
      `Turning the controller off stops Jenkins: its web UI and API go down and ${builds(
        runningBuilds,
      )}. JENKINS_HOME stays on EFS; turn the controller on to bring Jenkins back.`,
    );
  } else if (changes.ControllerEnabled === 'true' && seen.ControllerEnabled === 'false') {
    warnings.push('The Jenkins controller will start; Jenkins answers once its target is healthy.');
  } else if (safety.controllerRestarts) {
    const interrupted = builds(runningBuilds);
    warnings.push(`The Jenkins controller will restart; ${interrupted}.`);
  }
  if (safety.replacements.length > 0) {
    warnings.push(`These resources will be replaced: ${listed(safety.replacements)}.`);
  }
  if (safety.addsOrRemoves.length > 0) {
    warnings.push(`These resources will be added or removed: ${listed(safety.addsOrRemoves)}.`);
  }
  return warnings;
}

/** The replacement column of the review, in words: Yes, Maybe (Conditional), No, or —. */
export function replacementText(change: Pick<ResourceChangeView, 'replacement'>): string {
  switch (change.replacement) {
    case 'True':
      return 'Yes';
    case 'Conditional':
      return 'Maybe';
    case 'False':
      return 'No';
    default:
      return '—';
  }
}
