import type { ResourceRequest } from '../../core/provider';
import { canonical } from '../changes';
import { recordEvent } from '../events';
import type { ResourceRecord, StackRecord, StepAction, StepRecord } from '../model';
import { providerFor, stackView, type EngineWorld } from '../world';

/** Simulated seconds a resource action takes before the engine looks at it again. */
const ACTION_DELAY_MS: Readonly<Record<StepAction, number>> = {
  create: 4_000,
  update: 3_000,
  replace: 4_000,
  revert: 3_000,
  delete: 2_000,
  deleteReplaced: 2_000,
};

const IN_PROGRESS: Readonly<Record<StepAction, string>> = {
  create: 'CREATE_IN_PROGRESS',
  update: 'UPDATE_IN_PROGRESS',
  replace: 'UPDATE_IN_PROGRESS',
  revert: 'UPDATE_IN_PROGRESS',
  delete: 'DELETE_IN_PROGRESS',
  deleteReplaced: 'DELETE_IN_PROGRESS',
};

const COMPLETE: Readonly<Record<StepAction, string>> = {
  create: 'CREATE_COMPLETE',
  update: 'UPDATE_COMPLETE',
  replace: 'UPDATE_COMPLETE',
  revert: 'UPDATE_COMPLETE',
  delete: 'DELETE_COMPLETE',
  deleteReplaced: 'DELETE_COMPLETE',
};

export const FAILED: Readonly<Record<StepAction, string>> = {
  create: 'CREATE_FAILED',
  update: 'UPDATE_FAILED',
  replace: 'UPDATE_FAILED',
  revert: 'UPDATE_FAILED',
  delete: 'DELETE_FAILED',
  deleteReplaced: 'DELETE_FAILED',
};

/** One stack's operation as the step functions see it. */
export interface StepContext {
  readonly world: EngineWorld;
  readonly region: string;
  readonly stack: StackRecord;
  readonly now: number;
}

export function resourceOf(stack: StackRecord, logicalId: string): ResourceRecord | undefined {
  return stack.resources.find((record) => record.logicalId === logicalId);
}

/**
 * Starts a step: records the IN_PROGRESS event and asks the provider to act. Failures (a
 * provider error, a template error while resolving properties, a requested fault) fail the
 * step at once with their reason.
 */
export function startStep(context: StepContext, step: StepRecord): void {
  const { stack, now } = context;
  const record = resourceFor(context, step);
  const event = (status: string, reason?: string, properties?: Record<string, unknown>) =>
    recordEvent(
      context.world.engine,
      stack,
      {
        logicalId: record.logicalId,
        physicalId: physicalIdOf(record, step),
        type: record.type,
        status,
        reason,
        properties,
      },
      now,
    );
  step.state = 'running';
  step.readyAt = now + ACTION_DELAY_MS[step.action];
  if (step.action === 'delete' && retained(context, record.logicalId)) {
    record.status = 'DELETE_SKIPPED';
    event('DELETE_SKIPPED');
    step.state = 'done';
    return;
  }
  if (step.action !== 'deleteReplaced') record.status = IN_PROGRESS[step.action];
  record.statusReason = undefined;
  record.updatedAt = now;
  try {
    act(context, step, record, event);
  } catch (error) {
    failStep(context, step, error instanceof Error ? error.message : String(error));
  }
}

function act(
  context: StepContext,
  step: StepRecord,
  record: ResourceRecord,
  event: (status: string, reason?: string, properties?: Record<string, unknown>) => void,
): void {
  const provider = providerFor(context.world, record.type);
  const fault = takeFault(context, record.logicalId);
  switch (step.action) {
    case 'create':
    case 'replace': {
      const properties = stackView(context.world, context.region, context.stack).properties(
        record.logicalId,
      );
      if (step.action === 'replace') {
        record.previous = snapshot(record);
        event(
          'UPDATE_IN_PROGRESS',
          'Requested update requires the creation of a new physical resource; hence creating one.',
          properties,
        );
      } else {
        event('CREATE_IN_PROGRESS', undefined, properties);
      }
      if (fault !== undefined) throw new Error(fault);
      const provisioned = provider.create(request(context, record, properties));
      record.physicalId = provisioned.physicalId;
      record.attributes = { ...provisioned.attributes };
      record.properties = properties;
      event(IN_PROGRESS[step.action], 'Resource creation Initiated');
      return;
    }
    case 'update': {
      const properties = stackView(context.world, context.region, context.stack).properties(
        record.logicalId,
      );
      record.previous = snapshot(record);
      event('UPDATE_IN_PROGRESS', undefined, properties);
      if (fault !== undefined) throw new Error(fault);
      const provisioned = provider.update({
        ...request(context, record, properties),
        physicalId: record.physicalId ?? '',
        previousProperties: record.properties,
      });
      record.properties = properties;
      record.attributes = { ...provisioned.attributes };
      return;
    }
    case 'revert':
      revert(context, record, event, fault);
      return;
    case 'delete':
    case 'deleteReplaced': {
      event('DELETE_IN_PROGRESS');
      if (fault !== undefined) throw new Error(fault);
      const physicalId = physicalIdOf(record, step);
      if (physicalId !== undefined) {
        provider.delete({ ...request(context, record, record.properties), physicalId });
      }
      return;
    }
  }
}

// An update rollback returns a resource to what it was before the failed update: a replaced
// resource simply points at its old physical resource again (the new one is deleted during
// cleanup); an updated one is updated back to its previous properties.
function revert(
  context: StepContext,
  record: ResourceRecord,
  event: (status: string, reason?: string, properties?: Record<string, unknown>) => void,
  fault: string | undefined,
): void {
  const previous = record.previous;
  event('UPDATE_IN_PROGRESS', undefined, previous?.properties);
  if (fault !== undefined) throw new Error(fault);
  if (!previous) return;
  if (previous.physicalId !== record.physicalId) {
    record.replacedPhysicalId = record.physicalId;
  } else if (
    previous.physicalId !== undefined &&
    canonical(previous.properties) !== canonical(record.properties)
  ) {
    providerFor(context.world, record.type).update({
      ...request(context, record, previous.properties),
      physicalId: previous.physicalId,
      previousProperties: record.properties,
    });
  }
  record.physicalId = previous.physicalId;
  record.attributes = previous.attributes;
  record.properties = previous.properties;
  record.previous = undefined;
}

/**
 * Finishes a running step once its delay has passed and, where the provider can tell,
 * the resource has settled (an ECS service reaching a steady state, for instance).
 */
export function progressStep(context: StepContext, step: StepRecord): void {
  if (step.state !== 'running' || context.now < (step.readyAt ?? 0)) return;
  const record = resourceFor(context, step);
  const provider = providerFor(context.world, record.type);
  const deletes = step.action === 'delete' || step.action === 'deleteReplaced';
  const settle = deletes ? provider.settleDeletion : provider.settle;
  const physicalId = deletes ? physicalIdOf(record, step) : record.physicalId;
  if (settle && physicalId !== undefined) {
    const settlement = settle.call(provider, physicalId);
    if (settlement.state === 'pending') return;
    if (settlement.state === 'failed') {
      failStep(context, step, settlement.reason);
      return;
    }
    if (settlement.provisioned !== undefined && !deletes) {
      record.physicalId = settlement.provisioned.physicalId;
      record.attributes = { ...settlement.provisioned.attributes };
    }
  }
  step.state = 'done';
  const status = COMPLETE[step.action];
  recordEvent(
    context.world.engine,
    context.stack,
    {
      logicalId: record.logicalId,
      physicalId: physicalIdOf(record, step),
      type: record.type,
      status,
    },
    context.now,
  );
  if (step.action === 'deleteReplaced') {
    record.replacedPhysicalId = undefined;
    return;
  }
  record.status = status;
  record.updatedAt = context.now;
  if (step.action === 'replace') record.replacedPhysicalId = record.previous?.physicalId;
}

/** Fails a step with its reason; the phase logic decides what that means for the stack. */
export function failStep(context: StepContext, step: StepRecord, reason: string): void {
  const record = resourceFor(context, step);
  step.state = 'failed';
  if (step.action !== 'deleteReplaced') {
    record.status = FAILED[step.action];
    record.statusReason = reason;
  }
  record.updatedAt = context.now;
  recordEvent(
    context.world.engine,
    context.stack,
    {
      logicalId: record.logicalId,
      physicalId: physicalIdOf(record, step),
      type: record.type,
      status: FAILED[step.action],
      reason,
    },
    context.now,
  );
}

// Kept by the DeleteStack call (RetainResources) or by the template (DeletionPolicy: Retain).
function retained(context: StepContext, logicalId: string): boolean {
  if (context.stack.operation?.retain?.includes(logicalId)) return true;
  const declared = stackView(context.world, context.region, context.stack).template.resources.get(
    logicalId,
  );
  return declared?.deletionPolicy === 'Retain';
}

function resourceFor(context: StepContext, step: StepRecord): ResourceRecord {
  const existing = resourceOf(context.stack, step.logicalId);
  if (existing) return existing;
  const type =
    stackView(context.world, context.region, context.stack).template.resources.get(step.logicalId)
      ?.type ?? 'AWS::CloudFormation::WaitConditionHandle';
  const created: ResourceRecord = {
    logicalId: step.logicalId,
    type,
    status: 'CREATE_IN_PROGRESS',
    attributes: {},
    properties: {},
    updatedAt: context.now,
  };
  context.stack.resources.push(created);
  return created;
}

function physicalIdOf(record: ResourceRecord, step: StepRecord): string | undefined {
  return step.action === 'deleteReplaced' ? record.replacedPhysicalId : record.physicalId;
}

function snapshot(record: ResourceRecord): NonNullable<ResourceRecord['previous']> {
  return {
    physicalId: record.physicalId,
    attributes: record.attributes,
    properties: record.properties,
  };
}

function request(
  context: StepContext,
  record: ResourceRecord,
  properties: Record<string, unknown>,
): ResourceRequest {
  return {
    logicalId: record.logicalId,
    resourceType: record.type,
    properties,
    stackName: context.stack.stackName,
    stackId: context.stack.stackId,
    region: context.region,
    accountId: context.world.accountId,
  };
}

function takeFault(context: StepContext, logicalId: string): string | undefined {
  const faults = context.world.engine.faults;
  const index = faults.findIndex(
    (fault) =>
      fault.region === context.region &&
      fault.stackName === context.stack.stackName &&
      fault.logicalId === logicalId,
  );
  if (index < 0) return undefined;
  const [fault] = faults.splice(index, 1);
  return fault?.reason;
}
