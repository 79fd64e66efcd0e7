import 'server-only';
import type { AwsClients } from '../aws/clients';
import {
  cancelUpdateStack,
  continueUpdateRollback,
  deleteStack,
  listStackResources,
  readStackEvents,
  requireStack,
} from '../aws/cloudformation';
import { AppError } from '../errors';
import { requestToken } from './request-token';
import { canDelete, needsContinueRollback } from './status';

/**
 * Deletes a stack (admin). Refused while an operation runs or with termination protection on,
 * with the reason, before CloudFormation is asked.
 */
export async function deleteJenkinsStack(
  clients: AwsClients,
  stackName: string,
  attemptId: string,
  userName: string,
  resourcesToRetain: readonly string[] = [],
): Promise<void> {
  const stack = await requireStack(clients, stackName);
  if (resourcesToRetain.length > 0) {
    const retainable = new Set(
      stack.StackStatus === 'DELETE_FAILED'
        ? await resourcesThatFailedToDelete(clients, stackName)
        : [],
    );
    const refused = resourcesToRetain.filter((resource) => !retainable.has(resource));
    if (refused.length > 0) {
      throw new AppError(
        'bad_request:resources_to_retain',
        `Only resources that failed to delete can be kept, and only once the deletion has failed; ${refused.join(', ')} did not.`,
        { retainable: [...retainable] },
      );
    }
  }
  if (!canDelete(stack.StackStatus ?? '')) {
    throw new AppError(
      'conflict:stack_busy',
      `${stackName} cannot be deleted while it is ${stack.StackStatus}.`,
    );
  }
  if (stack.EnableTerminationProtection === true) {
    throw new AppError(
      'conflict:termination_protection',
      `${stackName} has termination protection on; turn it off before deleting.`,
    );
  }
  await deleteStack(
    clients,
    stackName,
    requestToken('delete', userName, attemptId),
    resourcesToRetain,
  );
}

/**
 * The resources that stopped a deletion (DELETE_FAILED), which a retry may keep instead of
 * deleting (C: DELETE_FAILED → retry, optionally RetainResources).
 */
export async function resourcesThatFailedToDelete(
  clients: AwsClients,
  stackName: string,
): Promise<string[]> {
  const resources = await listStackResources(clients, stackName);
  // When one resource fails, CloudFormation stops the deletions in flight and marks them
  // DELETE_FAILED too ("Resource deletion cancelled"): a retry simply deletes those.
  return resources
    .filter(
      (resource) =>
        resource.ResourceStatus === 'DELETE_FAILED' &&
        !/deletion cancelled/i.test(resource.ResourceStatusReason ?? ''),
    )
    .map((resource) => resource.LogicalResourceId ?? '');
}

/**
 * Cancels a running update (C17). CloudFormation then rolls back, which can itself take a
 * while; the page says so.
 */
export async function cancelStackUpdate(
  clients: AwsClients,
  stackName: string,
  attemptId: string,
  userName: string,
): Promise<void> {
  const stack = await requireStack(clients, stackName);
  if (stack.StackStatus !== 'UPDATE_IN_PROGRESS') {
    throw new AppError(
      'conflict:stack_status',
      `Only a running update can be cancelled; ${stackName} is ${stack.StackStatus}.`,
    );
  }
  await cancelUpdateStack(clients, stackName, requestToken('rollback', userName, attemptId));
}

/**
 * The resources whose update failed in the last rollback (C18): the only ones that may be
 * skipped. Read from the events of the failed rollback, newest first, back to its start.
 */
export async function resourcesThatFailedToRollBack(
  clients: AwsClients,
  stackName: string,
): Promise<string[]> {
  const events = await readStackEvents(
    clients,
    stackName,
    (event) =>
      event.LogicalResourceId === stackName &&
      event.ResourceStatus === 'UPDATE_ROLLBACK_IN_PROGRESS',
  );
  const failed = new Set<string>();
  for (const event of events) {
    if (event.LogicalResourceId !== stackName && event.ResourceStatus === 'UPDATE_FAILED') {
      failed.add(event.LogicalResourceId ?? '');
    }
  }
  return [...failed];
}

/**
 * Continues a rollback that failed (admin, C18): first without skips; skipping only resources
 * that failed to roll back, which CloudFormation then marks complete although they may no
 * longer match the template.
 */
export async function continueRollback(
  clients: AwsClients,
  stackName: string,
  resourcesToSkip: readonly string[],
  attemptId: string,
  userName: string,
): Promise<void> {
  const stack = await requireStack(clients, stackName);
  if (!needsContinueRollback(stack.StackStatus ?? '')) {
    throw new AppError(
      'conflict:stack_status',
      `${stackName} is ${stack.StackStatus}; there is no failed rollback to continue.`,
    );
  }
  if (resourcesToSkip.length > 0) {
    const skippable = new Set(await resourcesThatFailedToRollBack(clients, stackName));
    const refused = resourcesToSkip.filter((resource) => !skippable.has(resource));
    if (refused.length > 0) {
      throw new AppError(
        'bad_request:resources_to_skip',
        `Only resources that failed to roll back can be skipped; ${refused.join(', ')} did not.`,
        { skippable: [...skippable] },
      );
    }
  }
  await continueUpdateRollback(
    clients,
    stackName,
    resourcesToSkip,
    requestToken('rollback', userName, attemptId),
  );
}
