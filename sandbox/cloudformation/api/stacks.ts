import type { CallContext, OperationHandler } from '../../core/types';
import { canonical, computeChanges } from '../changes';
import { recordStackStatus } from '../events';
import type { StackRecord } from '../model';
import {
  beginCreate,
  beginDelete,
  beginUpdate,
  cancelUpdate,
  continueRollback,
} from '../operation/runner';
import { alreadyExists, noUpdates, notUpdatable, validationError } from '../refusals';
import {
  checkStackName,
  claimToken,
  emptyStack,
  evaluating,
  flag,
  isInProgress,
  isUpdatable,
  list,
  prepareDeployment,
  regionOf,
  requireStack,
  stepContext,
  tags,
  templateBodyOf,
  text,
  viewFor,
  type Api,
} from './context';

/** CreateStack, UpdateStack, DeleteStack and the operations that steer a running update. */
export function stackOperations(api: Api): Record<string, OperationHandler> {
  return {
    CreateStack: (input, call) => createStack(api, input, call),
    UpdateStack: (input, call) => updateStack(api, input, call),
    DeleteStack: (input, call) => deleteStack(api, input, call),
    CancelUpdateStack: (input, call) => {
      const stack = requireStack(api, call, input.StackName);
      if (claimToken(stack, text(input, 'ClientRequestToken'), 'CancelUpdateStack', input))
        return {};
      if (stack.status !== 'UPDATE_IN_PROGRESS') {
        throw validationError('CancelUpdateStack cannot be called from current stack status');
      }
      cancelUpdate(stepContext(api, call, stack), text(input, 'ClientRequestToken'));
      return {};
    },
    ContinueUpdateRollback: (input, call) => {
      const stack = requireStack(api, call, input.StackName);
      const token = text(input, 'ClientRequestToken');
      if (claimToken(stack, token, 'ContinueUpdateRollback', input)) return {};
      if (stack.status !== 'UPDATE_ROLLBACK_FAILED') {
        throw validationError('ContinueUpdateRollback cannot be called from current stack status');
      }
      const skip = list(input, 'ResourcesToSkip');
      for (const logicalId of skip) {
        const record = stack.resources.find((resource) => resource.logicalId === logicalId);
        if (record?.status !== 'UPDATE_FAILED') {
          throw validationError(
            `Resource [${logicalId}] cannot be skipped: only resources in UPDATE_FAILED state can be skipped`,
          );
        }
      }
      continueRollback(stepContext(api, call, stack), token, skip);
      return {};
    },
    UpdateTerminationProtection: (input, call) => {
      const stack = requireStack(api, call, input.StackName);
      stack.terminationProtection = flag(input, 'EnableTerminationProtection');
      return { StackId: stack.stackId };
    },
  };
}

function createStack(api: Api, input: Record<string, unknown>, call: CallContext) {
  const name = checkStackName(text(input, 'StackName'));
  const token = text(input, 'ClientRequestToken');
  const existing = regionOf(api, call).stacks.find(
    (stack) => stack.stackName === name && stack.status !== 'DELETE_COMPLETE',
  );
  if (existing) {
    if (token !== undefined && claimToken(existing, token, 'CreateStack', input)) {
      return { StackId: existing.stackId };
    }
    throw alreadyExists(`Stack [${name}] already exists`);
  }
  const onFailure = text(input, 'OnFailure');
  if (onFailure !== undefined && input.DisableRollback !== undefined) {
    throw validationError('You cannot specify both DisableRollback and OnFailure.');
  }
  const stack = emptyStack(api, call, name, input);
  const { deployment, template } = prepareDeployment(api, call, stack, {
    body: templateBodyOf(input),
    input,
    mode: { kind: 'create', changeSet: false },
  });
  stack.deployment = deployment;
  stack.description = template.description;
  claimToken(stack, token, 'CreateStack', input);
  regionOf(api, call).stacks.push(stack);
  beginCreate(stepContext(api, call, stack), {
    token,
    onFailure: stack.disableRollback
      ? 'DO_NOTHING'
      : ((onFailure as 'ROLLBACK' | 'DELETE' | 'DO_NOTHING' | undefined) ?? 'ROLLBACK'),
  });
  return { StackId: stack.stackId };
}

/** Refuses an update of a stack that is busy or in a status AWS does not update from. */
export function checkUpdatable(stack: StackRecord): void {
  if (!isUpdatable(stack.status) || isInProgress(stack.status)) {
    throw notUpdatable(stack.stackId, stack.status);
  }
}

function updateStack(api: Api, input: Record<string, unknown>, call: CallContext) {
  const stack = requireStack(api, call, input.StackName);
  const token = text(input, 'ClientRequestToken');
  if (claimToken(stack, token, 'UpdateStack', input)) return { StackId: stack.stackId };
  try {
    checkUpdatable(stack);
    const { deployment, template } = prepareDeployment(api, call, stack, {
      body: templateBodyOf(input, stack),
      input,
      mode: { kind: 'update', previous: stack.deployment.parameters },
    });
    const changes = evaluating(() =>
      computeChanges(stack, deployment, (next, lookup) => viewFor(api, call, stack, next, lookup)),
    );
    if (changes.length === 0 && !outputsChange(api, call, stack, deployment)) throw noUpdates();
    stack.capabilities = list(input, 'Capabilities');
    if (input.Tags !== undefined) stack.tags = tags(input);
    stack.description = template.description;
    beginUpdate(stepContext(api, call, stack), {
      token,
      next: deployment,
      changes,
      disableRollback: flag(input, 'DisableRollback'),
    });
    return { StackId: stack.stackId };
  } catch (error) {
    // A refused request does not consume its token: the caller may fix it and retry.
    if (token !== undefined) delete stack.tokens[token];
    throw error;
  }
}

function outputsChange(
  api: Api,
  call: CallContext,
  stack: StackRecord,
  next: StackRecord['deployment'],
): boolean {
  const view = viewFor(api, call, stack, next, (logicalId) => {
    const record = stack.resources.find((resource) => resource.logicalId === logicalId);
    return record?.physicalId === undefined
      ? undefined
      : { physicalId: record.physicalId, attributes: record.attributes };
  });
  return canonical(evaluating(() => view.outputs())) !== canonical(stack.outputs);
}

function deleteStack(api: Api, input: Record<string, unknown>, call: CallContext) {
  const name = String(input.StackName ?? '');
  const stack = regionOf(api, call).stacks.find(
    (candidate) =>
      candidate.status !== 'DELETE_COMPLETE' &&
      (candidate.stackName === name || candidate.stackId === name),
  );
  // Deleting a stack that does not exist (or no longer does) succeeds quietly in AWS.
  if (!stack) return {};
  const token = text(input, 'ClientRequestToken');
  if (claimToken(stack, token, 'DeleteStack', input)) return {};
  if (stack.terminationProtection) {
    throw validationError(
      `Stack [${stack.stackName}] cannot be deleted while TerminationProtection is enabled`,
    );
  }
  if (stack.status === 'DELETE_IN_PROGRESS') return {};
  if (isInProgress(stack.status) && stack.status !== 'REVIEW_IN_PROGRESS') {
    throw validationError(
      `Stack [${stack.stackName}] cannot be deleted while in status ${stack.status}`,
    );
  }
  const context = stepContext(api, call, stack);
  if (stack.status === 'REVIEW_IN_PROGRESS') {
    stack.operation = undefined;
    recordStackStatus(api.world.engine, stack, 'DELETE_IN_PROGRESS', 'User Initiated', context.now);
    stack.deletedAt = context.now;
    stack.changeSets = [];
    recordStackStatus(api.world.engine, stack, 'DELETE_COMPLETE', undefined, context.now);
    return {};
  }
  stack.operation = undefined;
  beginDelete(context, { token, retain: list(input, 'RetainResources') });
  return {};
}
