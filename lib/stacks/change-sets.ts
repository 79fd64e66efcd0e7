import 'server-only';
import type { Change, CreateChangeSetCommandInput } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../aws/clients';
import {
  createChangeSet,
  deleteChangeSet,
  describeChangeSet,
  type ChangeSetRef,
} from '../aws/cloudformation';
import { AppError } from '../errors';
import type { ChangeSetView, ResourceChangeView } from './change-set-view';
import { isNothingToChange } from './no-changes';

const WAIT_LIMIT_MS = 120_000;

function changeView(change: Change): ResourceChangeView {
  const resource = change.ResourceChange;
  return {
    logicalId: resource?.LogicalResourceId ?? '',
    physicalId: resource?.PhysicalResourceId,
    resourceType: resource?.ResourceType ?? '',
    action: resource?.Action ?? '',
    replacement: resource?.Replacement,
    scope: resource?.Scope ?? [],
    details: (resource?.Details ?? []).map((detail) => ({
      attribute: detail.Target?.Attribute,
      name: detail.Target?.Name,
      requiresRecreation: detail.Target?.RequiresRecreation,
      changeSource: detail.ChangeSource,
      causingEntity: detail.CausingEntity,
    })),
  };
}

function countsByType(changes: readonly ResourceChangeView[]): ChangeSetView['countsByType'] {
  const counts = new Map<string, { resourceType: string; action: string; count: number }>();
  for (const change of changes) {
    const key = `${change.action}:${change.resourceType}`;
    const entry = counts.get(key) ?? {
      resourceType: change.resourceType,
      action: change.action,
      count: 0,
    };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => a.action.localeCompare(b.action) || a.resourceType.localeCompare(b.resourceType),
  );
}

/** Reads a change set into the review's view, with every page of changes. */
export async function readChangeSet(
  clients: AwsClients,
  ref: ChangeSetRef,
): Promise<ChangeSetView> {
  const described = await describeChangeSet(clients, ref);
  const changes = described.Changes.map(changeView);
  return {
    arn: described.ChangeSetId ?? ref.changeSet,
    name: described.ChangeSetName ?? '',
    stackName: described.StackName ?? ref.stackName,
    status: described.Status ?? 'UNKNOWN',
    executionStatus: described.ExecutionStatus ?? 'UNAVAILABLE',
    statusReason: described.StatusReason,
    changes,
    countsByType: countsByType(changes),
  };
}

function isPending(status: string): boolean {
  return status === 'CREATE_PENDING' || status === 'CREATE_IN_PROGRESS';
}

/**
 * Waits until a change set has been computed, polling with a growing interval. Executing one
 * before it reaches CREATE_COMPLETE fails with InvalidChangeSetStatus (C16).
 */
export async function waitForChangeSet(
  clients: AwsClients,
  ref: ChangeSetRef,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ChangeSetView> {
  const started = Date.now();
  let interval = 250;
  for (;;) {
    const view = await readChangeSet(clients, ref);
    if (!isPending(view.status)) return view;
    if (Date.now() - started > WAIT_LIMIT_MS) {
      throw new AppError(
        'unavailable:change_set',
        `Change set ${view.name} is still being computed after ${WAIT_LIMIT_MS / 1000} s; try again shortly.`,
      );
    }
    await sleep(interval);
    interval = Math.min(interval * 2, 2_000);
  }
}

/** The outcome of proposing a change: a change set to review, or nothing to change. */
export type Proposal =
  | { readonly kind: 'change-set'; readonly changeSet: ChangeSetView }
  | { readonly kind: 'nothing-to-change'; readonly message: string };

/**
 * Creates a change set and waits for it. An empty one (C01) is deleted so it does not pile
 * up, and reported as nothing to change; any other FAILED change set is an error with
 * CloudFormation's reason. A change set of the same name that already exists (a retried
 * request of the same attempt) is reused, never created twice.
 */
export async function proposeChangeSet(
  clients: AwsClients,
  input: CreateChangeSetCommandInput & { StackName: string; ChangeSetName: string },
): Promise<Proposal> {
  let changeSetRef: ChangeSetRef;
  try {
    changeSetRef = { changeSet: await createChangeSet(clients, input), stackName: input.StackName };
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AlreadyExistsException')) throw error;
    changeSetRef = { changeSet: input.ChangeSetName, stackName: input.StackName };
  }
  const changeSet = await waitForChangeSet(clients, changeSetRef);
  if (changeSet.status === 'FAILED') {
    if (isNothingToChange(changeSet.statusReason)) {
      await deleteChangeSet(clients, { changeSet: changeSet.arn, stackName: input.StackName });
      return {
        kind: 'nothing-to-change',
        message: 'Nothing to change: the stack already has these values.',
      };
    }
    throw new AppError(
      'bad_request:change_set',
      `CloudFormation could not prepare the change: ${changeSet.statusReason ?? 'no reason given'}`,
    );
  }
  return { kind: 'change-set', changeSet };
}
