/**
 * Rules about CloudFormation stack statuses, as small named functions so that no component
 * or route compares status strings itself. Safe for the browser (no AWS SDK import).
 * The rules follow AWS's documented transitions; see
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stack-describing.html
 */

/** A stack operation is running; CloudFormation refuses every other operation meanwhile. */
export function isInProgress(status: string): boolean {
  return status.endsWith('_IN_PROGRESS');
}

/** The last operation failed and was rolled back, or failed outright. */
export function isRollback(status: string): boolean {
  return status.includes('ROLLBACK');
}

/** A first create failed and was rolled back: the stack can only be deleted (and relaunched). */
export function isDeadOnArrival(status: string): boolean {
  return (
    status === 'ROLLBACK_COMPLETE' || status === 'ROLLBACK_FAILED' || status === 'CREATE_FAILED'
  );
}

/** A CREATE change set exists but was never executed; the stack has no resources yet. */
export function isAwaitingFirstCreate(status: string): boolean {
  return status === 'REVIEW_IN_PROGRESS';
}

/**
 * UpdateStack and UPDATE change sets are accepted. UPDATE_ROLLBACK_COMPLETE is a healthy,
 * updatable state (tools that refuse it, like aws-cdk#5151, are wrong).
 */
export function canUpdate(status: string): boolean {
  return (
    status === 'CREATE_COMPLETE' ||
    status === 'UPDATE_COMPLETE' ||
    status === 'UPDATE_ROLLBACK_COMPLETE' ||
    status === 'IMPORT_COMPLETE' ||
    status === 'IMPORT_ROLLBACK_COMPLETE'
  );
}

/** Only ContinueUpdateRollback can move the stack on. */
export function needsContinueRollback(status: string): boolean {
  return status === 'UPDATE_ROLLBACK_FAILED';
}

/** DeleteStack is accepted (termination protection aside). */
export function canDelete(status: string): boolean {
  return !isInProgress(status) || status === 'REVIEW_IN_PROGRESS';
}

/** The stack exists and ended in a terminal state that counts as failure of the last operation. */
export function isFailed(status: string): boolean {
  return status.endsWith('_FAILED') || status === 'ROLLBACK_COMPLETE';
}

/** Stack-level actions the dashboard offers for a status (C16, C18, C19 of shared/cases). */
export interface StackActions {
  readonly update: boolean;
  readonly delete: boolean;
  readonly continueRollback: boolean;
  readonly cancelUpdate: boolean;
  readonly relaunch: boolean;
  readonly createFromChangeSet: boolean;
  /** Why edits are not offered, in words for the person; undefined when they are. */
  readonly editBlockedBecause: string | undefined;
}

export function stackActions(status: string): StackActions {
  return {
    update: canUpdate(status),
    delete: canDelete(status),
    continueRollback: needsContinueRollback(status),
    cancelUpdate: status === 'UPDATE_IN_PROGRESS',
    relaunch: status === 'ROLLBACK_COMPLETE',
    createFromChangeSet: isAwaitingFirstCreate(status),
    editBlockedBecause: editBlockedBecause(status),
  };
}

function editBlockedBecause(status: string): string | undefined {
  if (canUpdate(status)) return undefined;
  if (isAwaitingFirstCreate(status)) {
    return 'The stack is not deployed yet: a CREATE change set is waiting for review.';
  }
  if (isInProgress(status))
    return 'Another operation is running on this stack; wait for it to end.';
  if (status === 'ROLLBACK_COMPLETE') {
    return 'The first create failed and was rolled back; delete the stack and launch it again.';
  }
  if (needsContinueRollback(status)) {
    return 'The last update could not be rolled back; continue the rollback before editing.';
  }
  if (status.startsWith('DELETE')) return 'The stack is being deleted or its deletion failed.';
  return `CloudFormation does not accept updates in ${status}.`;
}
