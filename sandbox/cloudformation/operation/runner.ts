import { recordStackStatus } from '../events';
import type { ChangeRecord, Deployment, OperationRecord, StepAction } from '../model';
import { failStep, progressStep, resourceOf, startStep, type StepContext } from './steps';
import { deletionSteps, existingResources, forwardSteps, graphsOf, updateActions } from './plans';
import { stackView } from '../world';
import { transition } from './transitions';

/**
 * Starts creating a stack: CREATE_IN_PROGRESS, then every resource in dependency order
 * (independent ones in parallel) as the simulation clock ticks.
 */
export function beginCreate(
  context: StepContext,
  options: { token?: string; onFailure: OperationRecord['onFailure'] },
): void {
  const { stack } = context;
  const view = stackView(context.world, context.region, stack);
  const actions = new Map<string, StepAction>(
    view.activeResources().map((resource) => [resource.logicalId, 'create']),
  );
  stack.operation = {
    kind: 'CREATE',
    phase: 'create',
    steps: forwardSteps(actions, graphsOf(stack.deployment.templateBody)[0] ?? new Map()),
    token: options.token,
    onFailure: options.onFailure,
    failedToCreate: [],
    failedToUpdate: [],
    added: [],
  };
  recordStackStatus(
    context.world.engine,
    stack,
    'CREATE_IN_PROGRESS',
    'User Initiated',
    context.now,
  );
}

/**
 * Starts an update that applies exactly `changes` to reach `next`: adds and modifications in
 * dependency order, removals and replaced originals during cleanup.
 */
export function beginUpdate(
  context: StepContext,
  options: {
    token?: string;
    next: Deployment;
    changes: readonly ChangeRecord[];
    disableRollback: boolean;
    changeSetId?: string;
  },
): void {
  const { stack } = context;
  const actions = updateActions(options.changes);
  stack.operation = {
    kind: 'UPDATE',
    phase: 'update',
    steps: forwardSteps(actions, graphsOf(options.next.templateBody)[0] ?? new Map()),
    token: options.token,
    onFailure: options.disableRollback ? 'DO_NOTHING' : 'ROLLBACK',
    failedToCreate: [],
    failedToUpdate: [],
    previous: { deployment: stack.deployment, outputs: stack.outputs },
    added: options.changes
      .filter((change) => change.action === 'Add')
      .map((change) => change.logicalId),
    nextTemplateBody: options.next.templateBody,
    changeSetId: options.changeSetId,
  };
  stack.deployment = options.next;
  stack.updatedAt = context.now;
  recordStackStatus(
    context.world.engine,
    stack,
    'UPDATE_IN_PROGRESS',
    'User Initiated',
    context.now,
  );
}

/** Starts deleting a stack's resources in reverse dependency order. */
export function beginDelete(
  context: StepContext,
  options: { token?: string; retain: string[] },
): void {
  const { stack } = context;
  const actions = new Map<string, StepAction>(existingResources(stack).map((id) => [id, 'delete']));
  stack.operation = {
    kind: 'DELETE',
    phase: 'delete',
    steps: deletionSteps(actions, graphsOf(stack.deployment.templateBody)),
    token: options.token,
    onFailure: 'DO_NOTHING',
    failedToCreate: [],
    failedToUpdate: [],
    added: [],
    retain: options.retain,
  };
  recordStackStatus(
    context.world.engine,
    stack,
    'DELETE_IN_PROGRESS',
    'User Initiated',
    context.now,
  );
}

/** CancelUpdateStack: in-flight resources are cancelled and the update rolls back. */
export function cancelUpdate(context: StepContext, token: string | undefined): void {
  const operation = context.stack.operation;
  if (!operation) return;
  operation.token = token;
  cancelRunning(context, operation, 'Resource update cancelled');
  transition(context, true, 'Resource update cancelled');
}

/**
 * ContinueUpdateRollback: retries the rollback steps that failed, except the skipped ones,
 * which AWS marks UPDATE_COMPLETE without touching them.
 */
export function continueRollback(
  context: StepContext,
  token: string | undefined,
  skip: readonly string[],
): void {
  const { stack } = context;
  const operation = stack.operation;
  if (!operation) return;
  operation.token = token;
  operation.halted = false;
  for (const step of operation.steps) {
    if (step.state !== 'failed') continue;
    if (skip.includes(step.logicalId)) {
      step.state = 'skipped';
      const record = resourceOf(stack, step.logicalId);
      if (record) {
        record.status = 'UPDATE_COMPLETE';
        record.previous = undefined;
      }
    } else {
      step.state = 'waiting';
      step.cancelled = undefined;
    }
  }
  recordStackStatus(
    context.world.engine,
    stack,
    'UPDATE_ROLLBACK_IN_PROGRESS',
    undefined,
    context.now,
  );
  advanceStack(context);
}

/**
 * Moves a stack's operation forward at the current simulated time: finishes steps whose time
 * has come, starts steps whose dependencies are done, and changes phase when a phase ends.
 */
export function advanceStack(context: StepContext): void {
  for (let round = 0; round < 20; round += 1) {
    const operation = context.stack.operation;
    if (!operation) return;
    for (const step of operation.steps) progressStep(context, step);
    // Starting a step can fail it at once, so look at the phase again after starting.
    if (!phaseFailed(operation) || isCleanup(operation)) startReadySteps(context, operation);
    const failed = phaseFailed(operation) && !isCleanup(operation);
    if (failed) cancelRunning(context, operation, undefined);
    const busy = operation.steps.some(
      (step) => step.state === 'running' || (!failed && step.state === 'waiting'),
    );
    if (busy) return;
    transition(context, failed, undefined);
  }
}

function startReadySteps(context: StepContext, operation: OperationRecord): void {
  // In cleanup a failed deletion does not hold the others back; AWS carries on and reports it.
  const finishedStates = isCleanup(operation) ? ['done', 'skipped', 'failed'] : ['done', 'skipped'];
  const finished = new Set(
    operation.steps
      .filter((step) => finishedStates.includes(step.state))
      .map((step) => step.logicalId),
  );
  for (const step of operation.steps) {
    if (step.state !== 'waiting') continue;
    if (step.after.every((needed) => finished.has(needed))) startStep(context, step);
  }
}

function phaseFailed(operation: OperationRecord): boolean {
  return operation.steps.some((step) => step.state === 'failed');
}

function isCleanup(operation: OperationRecord): boolean {
  return operation.phase === 'cleanup' || operation.phase === 'rollbackCleanup';
}

function cancelRunning(
  context: StepContext,
  operation: OperationRecord,
  reason: string | undefined,
): void {
  for (const step of operation.steps) {
    if (step.state !== 'running') continue;
    step.cancelled = true;
    failStep(context, step, reason ?? cancelReason(step.action));
    step.cancelled = true;
  }
}

function cancelReason(action: StepAction): string {
  if (action === 'create') return 'Resource creation cancelled';
  if (action === 'delete') return 'Resource deletion cancelled';
  return 'Resource update cancelled';
}
