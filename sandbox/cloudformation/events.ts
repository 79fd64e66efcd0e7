import { randomUUID } from 'node:crypto';
import type { EngineState, StackRecord } from './model';

export interface EventInput {
  readonly logicalId: string;
  readonly physicalId?: string;
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/**
 * Appends a stack event carrying the operation's current ClientRequestToken (which changes
 * when a cancel or a continued rollback takes over the operation, as in AWS).
 */
export function recordEvent(
  engine: EngineState,
  stack: StackRecord,
  event: EventInput,
  now: number,
): void {
  engine.sequence += 1;
  stack.events.push({
    sequence: engine.sequence,
    eventId: randomUUID(),
    logicalId: event.logicalId,
    physicalId: event.physicalId,
    type: event.type,
    status: event.status,
    reason: event.reason,
    properties: event.properties === undefined ? undefined : JSON.stringify(event.properties),
    token: stack.operation?.token,
    timestamp: now,
  });
}

/** Sets the stack's status and records the stack-level event that goes with it. */
export function recordStackStatus(
  engine: EngineState,
  stack: StackRecord,
  status: string,
  reason: string | undefined,
  now: number,
): void {
  stack.status = status;
  stack.statusReason = reason;
  recordEvent(
    engine,
    stack,
    {
      logicalId: stack.stackName,
      physicalId: stack.stackId,
      type: 'AWS::CloudFormation::Stack',
      status,
      reason,
    },
    now,
  );
}
