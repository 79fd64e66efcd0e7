import type { ChangeSetView } from '@/lib/stacks/change-set-view';
import { isFailed, isRollback } from '@/lib/stacks/status';
import type { TimelineEntry } from '@/lib/status/types';
import { stackEvents } from './stack-events';

/** How far a create has come: resources created of the resources the change set adds. */
export interface LaunchProgress {
  readonly total: number;
  readonly complete: number;
  /** 0–100, whole numbers. */
  readonly percent: number;
}

/**
 * Counts the create's progress: the total is the change set's Add changes; a resource is
 * complete once a stack event says `<LogicalId> CREATE_COMPLETE`. Only the change set's own
 * logical ids count, so the stack's own CREATE_COMPLETE (its logical id is the stack name) and
 * repeated events never push the count past the total.
 */
export function launchProgress(
  changeSet: Pick<ChangeSetView, 'changes'>,
  timeline: readonly TimelineEntry[],
): LaunchProgress {
  const added = new Set(
    changeSet.changes.filter((change) => change.action === 'Add').map((change) => change.logicalId),
  );
  const created = new Set(
    stackEvents(timeline)
      .filter((event) => event.status === 'CREATE_COMPLETE' && added.has(event.logicalId))
      .map((event) => event.logicalId),
  );
  const total = added.size;
  const complete = created.size;
  return {
    total,
    complete,
    percent: total === 0 ? 0 : Math.floor((complete / total) * 100),
  };
}

/**
 * Whether a stack being launched has failed its create: any failed status, and any rollback,
 * since a first create only rolls back when something in it failed.
 */
export function createFailed(status: string): boolean {
  return isFailed(status) || isRollback(status);
}
