import { randomUUID } from 'node:crypto';
import type { AwsServiceError } from '../../core/errors';
import type { CallContext, OperationHandler } from '../../core/types';
import { computeChanges } from '../changes';
import { recordStackStatus } from '../events';
import { findLiveStack, type ChangeRecord, type ChangeSetRecord, type StackRecord } from '../model';
import { beginCreate, beginUpdate } from '../operation/runner';
import {
  alreadyExists,
  changeSetNotFound,
  invalidChangeSetStatus,
  TemplateEvaluationError,
  validationError,
} from '../refusals';
import {
  checkStackName,
  claimToken,
  emptyStack,
  isInProgress,
  isUpdatable,
  list,
  prepareDeployment,
  regionOf,
  stepContext,
  tags,
  templateBodyOf,
  text,
  viewFor,
  type Api,
} from './context';
import { changeSetSummary, describeChangeSet, page } from './shapes';
import { checkUpdatable } from './stacks';

/** Simulated time a change set takes from CREATE_PENDING to its final status. */
const CHANGE_SET_PENDING_MS = 1_000;
const CHANGE_SET_READY_MS = 2_000;

const EMPTY_CHANGE_SET =
  "The submitted information didn't contain changes. Submit different information to create a change set.";

/** CreateChangeSet, DescribeChangeSet, ExecuteChangeSet, DeleteChangeSet, ListChangeSets. */
export function changeSetOperations(api: Api): Record<string, OperationHandler> {
  return {
    CreateChangeSet: (input, call) => createChangeSet(api, input, call),
    DescribeChangeSet: (input, call) => {
      const { stack, changeSet } = findChangeSet(api, call, input);
      return describeChangeSet(stack, changeSet, text(input, 'NextToken'));
    },
    ExecuteChangeSet: (input, call) => executeChangeSet(api, input, call),
    DeleteChangeSet: (input, call) => {
      const { stack, changeSet } = findChangeSet(api, call, input);
      if (changeSet.executionStatus === 'EXECUTE_IN_PROGRESS') {
        throw invalidChangeSetStatus(
          `Cannot delete ChangeSet [${changeSet.id}] in status ${changeSet.executionStatus}`,
        );
      }
      stack.changeSets = stack.changeSets.filter((candidate) => candidate !== changeSet);
      return {};
    },
    ListChangeSets: (input, call) => {
      const stack = stackFor(api, call, text(input, 'StackName'));
      const { items, nextToken } = page(stack.changeSets, text(input, 'NextToken'), 100);
      return {
        Summaries: items.map((changeSet) => changeSetSummary(stack, changeSet)),
        NextToken: nextToken,
      };
    },
  };
}

/** Moves change sets from CREATE_PENDING to their final status as simulated time passes. */
export function settleChangeSets(stack: StackRecord, now: number): void {
  for (const changeSet of stack.changeSets) {
    if (
      changeSet.status === 'CREATE_PENDING' &&
      now >= changeSet.createdAt + CHANGE_SET_PENDING_MS
    ) {
      changeSet.status = 'CREATE_IN_PROGRESS';
    }
    if (changeSet.status === 'CREATE_IN_PROGRESS' && now >= changeSet.readyAt) {
      if (changeSet.failureReason !== undefined) {
        changeSet.status = 'FAILED';
        changeSet.statusReason = changeSet.failureReason;
      } else {
        changeSet.status = 'CREATE_COMPLETE';
        changeSet.executionStatus = 'AVAILABLE';
      }
    }
  }
}

function stackFor(api: Api, call: CallContext, nameOrId: string | undefined): StackRecord {
  const stack = findLiveStack(regionOf(api, call), nameOrId ?? '');
  if (!stack) throw validationError(`Stack [${nameOrId ?? ''}] does not exist`);
  return stack;
}

function findChangeSet(api: Api, call: CallContext, input: Record<string, unknown>) {
  const name = text(input, 'ChangeSetName') ?? '';
  const byArn = name.startsWith('arn:');
  const stacks = byArn
    ? regionOf(api, call).stacks
    : [stackFor(api, call, text(input, 'StackName'))];
  for (const stack of stacks) {
    const changeSet = stack.changeSets.find((candidate) =>
      byArn ? candidate.id === name : candidate.name === name,
    );
    if (changeSet) return { stack, changeSet };
  }
  throw changeSetNotFound(name);
}

function createChangeSet(api: Api, input: Record<string, unknown>, call: CallContext) {
  const stackName = checkStackName(text(input, 'StackName'));
  const name = text(input, 'ChangeSetName') ?? '';
  if (!/^[a-zA-Z][-a-zA-Z0-9]{0,127}$/.test(name)) {
    throw validationError(
      `1 validation error detected: Value '${name}' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
    );
  }
  const type = (text(input, 'ChangeSetType') ?? 'UPDATE') as 'CREATE' | 'UPDATE';
  if (type !== 'CREATE' && type !== 'UPDATE') {
    throw validationError(`ChangeSetType ${String(type)} is not supported by the sandbox`);
  }
  const region = regionOf(api, call);
  const existing = findLiveStack(region, stackName);
  const reviewing = existing?.status === 'REVIEW_IN_PROGRESS';
  if (type === 'CREATE' && existing && !reviewing) {
    throw alreadyExists(
      `Stack [${stackName}] already exists and cannot be created again with the changeSet [${name}].`,
    );
  }
  if (type === 'UPDATE' && (!existing || reviewing)) {
    throw validationError(`Stack [${stackName}] does not exist`);
  }
  if (existing?.changeSets.some((changeSet) => changeSet.name === name)) {
    throw alreadyExists(`ChangeSet [${name}] already exists`);
  }
  if (existing && type === 'UPDATE') checkUpdatable(existing);

  const stack = existing ?? emptyStack(api, call, stackName, input);
  const { deployment, template } = prepareDeployment(api, call, stack, {
    body: templateBodyOf(input, existing),
    input,
    mode:
      type === 'CREATE'
        ? { kind: 'create', changeSet: true }
        : { kind: 'update', previous: stack.deployment.parameters },
  });
  const now = api.world.clock.now();
  const changeSet: ChangeSetRecord = {
    id: `arn:aws:cloudformation:${call.region}:${api.world.accountId}:changeSet/${name}/${randomUUID()}`,
    name,
    type,
    description: text(input, 'Description'),
    status: 'CREATE_PENDING',
    executionStatus: 'UNAVAILABLE',
    createdAt: now,
    readyAt: now + CHANGE_SET_READY_MS,
    deployment,
    capabilities: list(input, 'Capabilities'),
    changes: [],
    token: text(input, 'ClientToken'),
    notificationArns: list(input, 'NotificationARNs'),
    tags: tags(input),
  };
  try {
    changeSet.changes = changesFor(api, call, stack, type, deployment);
    if (changeSet.changes.length === 0) changeSet.failureReason = EMPTY_CHANGE_SET;
  } catch (error) {
    changeSet.failureReason = failureReason(error);
  }
  if (!existing) {
    stack.status = 'REVIEW_IN_PROGRESS';
    stack.description = template.description;
    stack.deployment = { templateBody: deployment.templateBody, parameters: [] };
    region.stacks.push(stack);
    recordStackStatus(api.world.engine, stack, 'REVIEW_IN_PROGRESS', 'User Initiated', now);
  }
  stack.changeSets.push(changeSet);
  return { Id: changeSet.id, StackId: stack.stackId };
}

function changesFor(
  api: Api,
  call: CallContext,
  stack: StackRecord,
  type: 'CREATE' | 'UPDATE',
  deployment: ChangeSetRecord['deployment'],
): ChangeRecord[] {
  if (type === 'CREATE') {
    const view = viewFor(api, call, stack, deployment, () => 'unknown');
    return view.activeResources().map((resource) => ({
      logicalId: resource.logicalId,
      type: resource.type,
      action: 'Add' as const,
      scope: [],
      details: [],
    }));
  }
  return computeChanges(stack, deployment, (next, lookup) =>
    viewFor(api, call, stack, next, lookup),
  );
}

function failureReason(error: unknown): string {
  if (error instanceof TemplateEvaluationError) return error.message;
  if (error instanceof Error && (error as AwsServiceError).code !== undefined) return error.message;
  throw error;
}

function executeChangeSet(api: Api, input: Record<string, unknown>, call: CallContext) {
  const { stack, changeSet } = findChangeSet(api, call, input);
  const token = text(input, 'ClientRequestToken');
  if (claimToken(stack, token, 'ExecuteChangeSet', input)) return {};
  if (changeSet.status !== 'CREATE_COMPLETE' || changeSet.executionStatus !== 'AVAILABLE') {
    if (token !== undefined) delete stack.tokens[token];
    throw invalidChangeSetStatus(
      `ChangeSet [${changeSet.id}] cannot be executed in its current status of [${changeSet.status}]`,
    );
  }
  if (changeSet.type === 'UPDATE' && (isInProgress(stack.status) || !isUpdatable(stack.status))) {
    if (token !== undefined) delete stack.tokens[token];
    checkUpdatable(stack);
  }
  // Executing one change set makes every other change set of the stack meaningless.
  stack.changeSets = [changeSet];
  changeSet.executionStatus = 'EXECUTE_IN_PROGRESS';
  const context = stepContext(api, call, stack);
  if (changeSet.type === 'CREATE') {
    stack.deployment = changeSet.deployment;
    stack.capabilities = changeSet.capabilities;
    stack.notificationArns = changeSet.notificationArns;
    stack.tags = changeSet.tags;
    stack.createdAt = context.now;
    beginCreate(context, { token, onFailure: onFailureOf(input) });
  } else {
    stack.capabilities = changeSet.capabilities;
    beginUpdate(context, {
      token,
      next: changeSet.deployment,
      changes: changeSet.changes,
      disableRollback: String(input.DisableRollback) === 'true',
      changeSetId: changeSet.id,
    });
  }
  if (stack.operation) stack.operation.changeSetId = changeSet.id;
  return {};
}

function onFailureOf(input: Record<string, unknown>): 'ROLLBACK' | 'DO_NOTHING' {
  return String(input.DisableRollback) === 'true' ? 'DO_NOTHING' : 'ROLLBACK';
}
