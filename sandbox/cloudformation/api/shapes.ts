import type { ChangeSetRecord, EventRecord, ResourceRecord, StackRecord } from '../model';
import { validationError } from '../refusals';
import { parseTemplate } from '../template/template';

/** What AWS shows instead of a NoEcho parameter's value. */
export const MASK = '****';

const iso = (time: number | undefined) =>
  time === undefined ? undefined : new Date(time).toISOString();

/**
 * One page of a list, with an opaque NextToken for the rest (AWS tokens are opaque too;
 * callers must not parse them).
 */
export function page<T>(items: readonly T[], token: string | undefined, size: number) {
  let start = 0;
  if (token !== undefined) {
    start = Number(
      Buffer.from(token, 'base64url')
        .toString('utf8')
        .replace(/^offset:/, ''),
    );
    if (!Number.isInteger(start) || start < 0) throw validationError('Invalid NextToken');
  }
  const end = start + size;
  return {
    items: items.slice(start, end),
    nextToken: end < items.length ? Buffer.from(`offset:${end}`).toString('base64url') : undefined,
  };
}

function noEchoKeys(templateBody: string): Set<string> {
  try {
    return new Set(
      parseTemplate(templateBody)
        .parameters.filter((parameter) => parameter.noEcho)
        .map((parameter) => parameter.key),
    );
  } catch {
    return new Set();
  }
}

/** Parameters as DescribeStacks and DescribeChangeSet show them: NoEcho values masked. */
export function parameterShapes(deployment: StackRecord['deployment']) {
  const masked = noEchoKeys(deployment.templateBody);
  return deployment.parameters.map((record) => ({
    ParameterKey: record.key,
    ParameterValue: masked.has(record.key) ? MASK : record.value,
    ResolvedValue: record.resolved,
  }));
}

export function stackShape(stack: StackRecord) {
  const changeSetId = stack.status === 'REVIEW_IN_PROGRESS' ? stack.changeSets[0]?.id : undefined;
  return {
    StackId: stack.stackId,
    StackName: stack.stackName,
    ChangeSetId: changeSetId,
    Description: stack.description,
    Parameters: stack.status === 'REVIEW_IN_PROGRESS' ? [] : parameterShapes(stack.deployment),
    CreationTime: iso(stack.createdAt),
    LastUpdatedTime: iso(stack.updatedAt),
    DeletionTime: iso(stack.deletedAt),
    RollbackConfiguration: {},
    StackStatus: stack.status,
    StackStatusReason: stack.statusReason,
    DisableRollback: stack.disableRollback,
    NotificationARNs: stack.notificationArns,
    Capabilities: stack.capabilities,
    Outputs: stack.outputs.map((output) => ({
      OutputKey: output.key,
      OutputValue: output.value,
      Description: output.description,
      ExportName: output.exportName,
    })),
    Tags: stack.tags,
    EnableTerminationProtection: stack.terminationProtection,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

export function stackSummaryShape(stack: StackRecord) {
  return {
    StackId: stack.stackId,
    StackName: stack.stackName,
    TemplateDescription: stack.description,
    CreationTime: iso(stack.createdAt),
    LastUpdatedTime: iso(stack.updatedAt),
    DeletionTime: iso(stack.deletedAt),
    StackStatus: stack.status,
    StackStatusReason: stack.statusReason,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

export function eventShape(stack: StackRecord, event: EventRecord) {
  return {
    StackId: stack.stackId,
    EventId: event.eventId,
    StackName: stack.stackName,
    LogicalResourceId: event.logicalId,
    PhysicalResourceId: event.physicalId ?? '',
    ResourceType: event.type,
    Timestamp: iso(event.timestamp),
    ResourceStatus: event.status,
    ResourceStatusReason: event.reason,
    ResourceProperties: event.properties,
    ClientRequestToken: event.token,
  };
}

export function resourceShape(stack: StackRecord, record: ResourceRecord) {
  return {
    StackName: stack.stackName,
    StackId: stack.stackId,
    LogicalResourceId: record.logicalId,
    PhysicalResourceId: record.physicalId,
    ResourceType: record.type,
    Timestamp: iso(record.updatedAt),
    ResourceStatus: record.status,
    ResourceStatusReason: record.statusReason,
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
  };
}

export function resourceSummaryShape(record: ResourceRecord) {
  return {
    LogicalResourceId: record.logicalId,
    PhysicalResourceId: record.physicalId,
    ResourceType: record.type,
    LastUpdatedTimestamp: iso(record.updatedAt),
    ResourceStatus: record.status,
    ResourceStatusReason: record.statusReason,
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
  };
}

export function changeSetSummary(stack: StackRecord, changeSet: ChangeSetRecord) {
  return {
    StackId: stack.stackId,
    StackName: stack.stackName,
    ChangeSetId: changeSet.id,
    ChangeSetName: changeSet.name,
    ExecutionStatus: changeSet.executionStatus,
    Status: changeSet.status,
    StatusReason: changeSet.statusReason,
    CreationTime: iso(changeSet.createdAt),
    Description: changeSet.description,
    IncludeNestedStacks: false,
  };
}

/** DescribeChangeSet's answer; changes are shown only once the change set is complete. */
export function describeChangeSet(stack: StackRecord, changeSet: ChangeSetRecord, token?: string) {
  const visible = changeSet.status === 'CREATE_COMPLETE' ? changeSet.changes : [];
  const { items, nextToken } = page(visible, token, 100);
  return {
    ...changeSetSummary(stack, changeSet),
    Parameters: parameterShapes(changeSet.deployment),
    NotificationARNs: changeSet.notificationArns,
    RollbackConfiguration: {},
    Capabilities: changeSet.capabilities,
    Tags: changeSet.tags,
    Changes: items.map((change) => ({
      Type: 'Resource',
      HookInvocationCount: undefined,
      ResourceChange: {
        Action: change.action,
        LogicalResourceId: change.logicalId,
        PhysicalResourceId: change.physicalId,
        ResourceType: change.type,
        Replacement: change.replacement,
        Scope: change.scope,
        Details: change.details,
      },
    })),
    NextToken: nextToken,
  };
}
