import type { StackEvent } from '@aws-sdk/client-cloudformation';

/** A stack event of the current operation, as the live event list shows it. */
export interface OperationEventView {
  readonly id: string;
  readonly at: string;
  readonly logicalId: string;
  readonly physicalId: string | undefined;
  readonly resourceType: string;
  readonly status: string;
  readonly reason: string | undefined;
  readonly requestToken: string | undefined;
  readonly failure: boolean;
}

const OPERATION_STARTS = new Set([
  'CREATE_IN_PROGRESS',
  'UPDATE_IN_PROGRESS',
  'DELETE_IN_PROGRESS',
  'IMPORT_IN_PROGRESS',
]);

/** Whether an event is the stack-level event that started an operation. */
export function startsOperation(event: StackEvent, stackName: string): boolean {
  return (
    event.ResourceType === 'AWS::CloudFormation::Stack' &&
    event.LogicalResourceId === stackName &&
    OPERATION_STARTS.has(event.ResourceStatus ?? '')
  );
}

/**
 * The current operation's events, oldest first, from newest-first pages (C14): everything back
 * to the stack-level event that started the operation, whatever token later events carry (a
 * console cancel or a rollback has another one), de-duplicated by EventId, equal timestamps in
 * the order CloudFormation wrote them.
 */
export function currentOperation(
  stackName: string,
  newestFirst: readonly StackEvent[],
): OperationEventView[] {
  const seen = new Set<string>();
  const events: OperationEventView[] = [];
  for (const event of newestFirst) {
    const id = event.EventId ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    events.push({
      id,
      at: event.Timestamp?.toISOString() ?? '',
      logicalId: event.LogicalResourceId ?? '',
      physicalId: event.PhysicalResourceId,
      resourceType: event.ResourceType ?? '',
      status: event.ResourceStatus ?? '',
      reason: event.ResourceStatusReason,
      requestToken: event.ClientRequestToken,
      failure: (event.ResourceStatus ?? '').endsWith('_FAILED'),
    });
    if (startsOperation(event, stackName)) break;
  }
  return events.reverse();
}

/**
 * The likely root failure of an operation: the earliest resource failure that is not a mere
 * consequence ("Resource creation cancelled" is what CloudFormation writes for the resources
 * it stopped because another failed).
 */
export function rootFailure(events: readonly OperationEventView[]): OperationEventView | undefined {
  return events.find(
    (event) =>
      event.failure &&
      event.resourceType !== 'AWS::CloudFormation::Stack' &&
      !/Resource (creation|update) cancelled/i.test(event.reason ?? ''),
  );
}
