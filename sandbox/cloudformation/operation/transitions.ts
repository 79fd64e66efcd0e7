import { recordStackStatus } from '../events';
import type { OperationRecord, StackRecord, StepAction } from '../model';
import { stackView } from '../world';
import { deletionSteps, existingResources, forwardSteps, graphsOf } from './plans';
import type { StepContext } from './steps';

/**
 * Ends the operation's current phase and starts the next one, with the stack statuses and
 * status reasons AWS reports: rollbacks after failures (unless rollback is disabled), cleanup
 * after updates, and the terminal status of each kind of operation.
 */
export function transition(
  context: StepContext,
  failed: boolean,
  reason: string | undefined,
): void {
  const operation = context.stack.operation;
  if (!operation || operation.halted) return;
  switch (operation.phase) {
    case 'create':
      return failed ? failCreate(context, operation) : finish(context, 'CREATE_COMPLETE', true);
    case 'createRollback':
      return failed
        ? finish(context, 'ROLLBACK_FAILED', false, failedTo('delete', operation))
        : finishCreateRollback(context, operation);
    case 'update':
      return failed ? failUpdate(context, operation, reason) : startCleanup(context, operation);
    case 'cleanup':
      return finish(context, 'UPDATE_COMPLETE', false);
    case 'updateRollback':
      return failed ? haltRollback(context, operation) : startRollbackCleanup(context, operation);
    case 'rollbackCleanup':
      return finish(context, 'UPDATE_ROLLBACK_COMPLETE', false);
    case 'delete':
      return failed
        ? finish(context, 'DELETE_FAILED', false, failedTo('delete', operation))
        : finishDelete(context);
  }
}

function status(context: StepContext, value: string, reason?: string): void {
  recordStackStatus(context.world.engine, context.stack, value, reason, context.now);
}

function failedIds(operation: OperationRecord, actions: readonly StepAction[]): string[] {
  return operation.steps
    .filter((step) => step.state === 'failed' && !step.cancelled && actions.includes(step.action))
    .map((step) => step.logicalId);
}

function failedTo(verb: 'create' | 'update' | 'delete', operation: OperationRecord): string {
  const actions: StepAction[] =
    verb === 'create'
      ? ['create']
      : verb === 'update'
        ? ['update', 'replace', 'revert']
        : ['delete'];
  return `The following resource(s) failed to ${verb}: [${failedIds(operation, actions).join(', ')}]. `;
}

function finish(
  context: StepContext,
  value: string,
  publishOutputs: boolean,
  reason?: string,
): void {
  const { stack } = context;
  if (publishOutputs) stack.outputs = outputsOf(context);
  const changeSet = stack.changeSets.find(
    (candidate) => candidate.id === stack.operation?.changeSetId,
  );
  if (changeSet) {
    changeSet.executionStatus =
      value.includes('ROLLBACK') || value.endsWith('FAILED')
        ? 'EXECUTE_FAILED'
        : 'EXECUTE_COMPLETE';
  }
  if (value === 'UPDATE_COMPLETE' || value === 'UPDATE_ROLLBACK_COMPLETE') {
    stack.resources = stack.resources.filter((record) => record.status !== 'DELETE_COMPLETE');
    for (const record of stack.resources) {
      record.previous = undefined;
      record.replacedPhysicalId = undefined;
    }
  }
  status(context, value, reason);
  stack.operation = undefined;
}

function failCreate(context: StepContext, operation: OperationRecord): void {
  const reason = failedTo('create', operation);
  if (operation.onFailure === 'DO_NOTHING') return finish(context, 'CREATE_FAILED', false, reason);
  status(context, 'ROLLBACK_IN_PROGRESS', `${reason}Rollback requested by user.`);
  operation.phase = 'createRollback';
  operation.steps = deletionSteps(
    new Map(existingResources(context.stack).map((id) => [id, 'delete' as const])),
    graphsOf(context.stack.deployment.templateBody),
  );
}

function finishCreateRollback(context: StepContext, operation: OperationRecord): void {
  if (operation.onFailure !== 'DELETE') return finish(context, 'ROLLBACK_COMPLETE', false);
  status(context, 'ROLLBACK_COMPLETE');
  status(context, 'DELETE_IN_PROGRESS', 'User Initiated');
  finishDelete(context);
}

function finishDelete(context: StepContext): void {
  context.stack.deletedAt = context.now;
  context.stack.changeSets = [];
  finish(context, 'DELETE_COMPLETE', false);
}

function failUpdate(
  context: StepContext,
  operation: OperationRecord,
  cancelled: string | undefined,
): void {
  const { stack } = context;
  const created = failedIds(operation, ['create']);
  const reason =
    cancelled ??
    [created.length > 0 ? failedTo('create', operation) : '', failedTo('update', operation)]
      .filter((part) => !part.includes('[]'))
      .join('')
      .trim();
  if (operation.onFailure === 'DO_NOTHING') return finish(context, 'UPDATE_FAILED', false, reason);
  status(context, 'UPDATE_ROLLBACK_IN_PROGRESS', reason);
  if (operation.previous) {
    stack.deployment = operation.previous.deployment;
    stack.outputs = operation.previous.outputs;
  }
  operation.phase = 'updateRollback';
  const touched = stack.resources.filter((record) => record.previous !== undefined);
  operation.steps = forwardSteps(
    new Map(touched.map((record) => [record.logicalId, 'revert' as const])),
    graphsOf(stack.deployment.templateBody)[0] ?? new Map(),
  );
}

function haltRollback(context: StepContext, operation: OperationRecord): void {
  status(context, 'UPDATE_ROLLBACK_FAILED', failedTo('update', operation).trim());
  operation.halted = true;
}

function startCleanup(context: StepContext, operation: OperationRecord): void {
  const { stack } = context;
  const view = stackView(context.world, context.region, stack);
  stack.outputs = outputsOf(context);
  status(context, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
  operation.phase = 'cleanup';
  operation.steps = cleanupSteps(context, (id) => !view.isActive(id), operation);
}

function startRollbackCleanup(context: StepContext, operation: OperationRecord): void {
  status(context, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS');
  operation.phase = 'rollbackCleanup';
  operation.steps = cleanupSteps(context, (id) => operation.added.includes(id), operation);
}

function cleanupSteps(
  context: StepContext,
  remove: (logicalId: string) => boolean,
  operation: OperationRecord,
) {
  const actions = new Map<string, StepAction>();
  for (const record of context.stack.resources) {
    if (record.status === 'DELETE_COMPLETE') continue;
    if (remove(record.logicalId)) actions.set(record.logicalId, 'delete');
    else if (record.replacedPhysicalId !== undefined)
      actions.set(record.logicalId, 'deleteReplaced');
  }
  return deletionSteps(
    actions,
    graphsOf(operation.previous?.deployment.templateBody, operation.nextTemplateBody),
  );
}

/** Whether the stack's operation is waiting for ContinueUpdateRollback. */
export function isHalted(stack: StackRecord): boolean {
  return stack.operation?.halted === true;
}

// Outputs were checked before the operation began; one that still cannot be evaluated is
// left out rather than failing a stack whose resources are all in place.
function outputsOf(context: StepContext) {
  try {
    return stackView(context.world, context.region, context.stack).outputs();
  } catch {
    return [];
  }
}
