import type { ChangeSetView, ResourceChangeView } from '@/lib/stacks/change-set-view';
import { changeSetSafety } from '@/lib/stacks/change-set-view';
import type { NeedsConfirmation } from '@/components/scale/edit-state';

/** One resource change as the server's change set view carries it. */
export function resourceChange(
  logicalId: string,
  resourceType: string,
  action: string,
  replacement: string | undefined,
): ResourceChangeView {
  return {
    logicalId,
    resourceType,
    action,
    replacement,
    physicalId: undefined,
    scope: [],
    details: [],
  };
}

/** A needs-confirmation answer for these changes, classified by the server's own rule. */
export function needsConfirmation(
  changes: readonly ResourceChangeView[],
  runningBuilds: number | undefined,
): NeedsConfirmation {
  const changeSet: ChangeSetView = {
    arn: 'arn:aws:cloudformation:eu-west-1:111122223333:changeSet/scale-k3f9x2abcd12/1',
    name: 'scale-k3f9x2abcd12',
    stackName: 'jenkins-ctl',
    status: 'CREATE_COMPLETE',
    executionStatus: 'AVAILABLE',
    statusReason: undefined,
    changes,
    countsByType: [],
  };
  return { kind: 'needs-confirmation', changeSet, safety: changeSetSafety(changes), runningBuilds };
}
