import 'server-only';
import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  CancelUpdateStackCommand,
  ContinueUpdateRollbackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  GetTemplateSummaryCommand,
  ListChangeSetsCommand,
  UpdateTerminationProtectionCommand,
  paginateDescribeStackEvents,
  paginateListStackResources,
  paginateListStacks,
  type Change,
  type ChangeSetSummary,
  type CreateChangeSetCommandInput,
  type DescribeChangeSetCommandOutput,
  type GetTemplateSummaryCommandOutput,
  type Stack,
  type StackEvent,
  type StackResourceSummary,
  type StackStatus,
  type StackSummary,
} from '@aws-sdk/client-cloudformation';
import { AppError } from '../errors';
import type { AwsClients } from './clients';

/**
 * The CloudFormation calls the dashboard makes, and nothing else. Every List/Describe call
 * here reads all pages (or stops at a caller-given boundary); none silently reads page one.
 */

/** DescribeStacks for one stack; undefined when AWS says it does not exist. */
export async function describeStack(
  clients: AwsClients,
  stackName: string,
): Promise<Stack | undefined> {
  try {
    const output = await clients.cloudformation.send(
      new DescribeStacksCommand({ StackName: stackName }),
    );
    return output.Stacks?.[0];
  } catch (error) {
    if (isStackMissing(error)) return undefined;
    throw error;
  }
}

/**
 * DescribeStacks for a stack that must exist: a missing one is the dashboard's own 404
 * (`not_found:stack`), named with its region.
 */
export async function requireStack(clients: AwsClients, stackName: string): Promise<Stack> {
  const stack = await describeStack(clients, stackName);
  if (stack === undefined) {
    throw new AppError(
      'not_found:stack',
      `Stack ${stackName} does not exist in ${clients.region}.`,
    );
  }
  return stack;
}

/** Whether an SDK error is CloudFormation's "Stack with id X does not exist". */
export function isStackMissing(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'ValidationError' &&
    /does not exist/.test(error.message)
  );
}

const LIVE_STATUSES: StackStatus[] = [
  'CREATE_IN_PROGRESS',
  'CREATE_FAILED',
  'CREATE_COMPLETE',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_FAILED',
  'ROLLBACK_COMPLETE',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED',
  'UPDATE_IN_PROGRESS',
  'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_COMPLETE',
  'UPDATE_FAILED',
  'UPDATE_ROLLBACK_IN_PROGRESS',
  'UPDATE_ROLLBACK_FAILED',
  'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE',
  'REVIEW_IN_PROGRESS',
  'IMPORT_IN_PROGRESS',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_IN_PROGRESS',
  'IMPORT_ROLLBACK_FAILED',
  'IMPORT_ROLLBACK_COMPLETE',
];

/** ListStacks over every page, without deleted stacks. */
export async function listLiveStacks(clients: AwsClients): Promise<StackSummary[]> {
  const stacks: StackSummary[] = [];
  const pages = paginateListStacks(
    { client: clients.cloudformation },
    { StackStatusFilter: LIVE_STATUSES },
  );
  for await (const page of pages) stacks.push(...(page.StackSummaries ?? []));
  return stacks;
}

/**
 * DescribeStacks over every page: one call per 100 stacks returns outputs too, which is how
 * the overview recognises stacks of this kind without a call per stack.
 */
export async function describeAllStacks(clients: AwsClients): Promise<Stack[]> {
  const stacks: Stack[] = [];
  let nextToken: string | undefined;
  do {
    const page = await clients.cloudformation.send(
      new DescribeStacksCommand({ NextToken: nextToken }),
    );
    stacks.push(...(page.Stacks ?? []));
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return stacks;
}

/**
 * DescribeStackEvents, newest first, reading pages only until `stopAt` says the rest is
 * known (an event id already seen, or the start of the current operation), as cfn-tail
 * style tools learned to do to avoid throttling on long histories.
 */
export async function readStackEvents(
  clients: AwsClients,
  stackName: string,
  stopAt: (event: StackEvent) => boolean,
  maxEvents = 500,
): Promise<StackEvent[]> {
  const events: StackEvent[] = [];
  const pages = paginateDescribeStackEvents(
    { client: clients.cloudformation },
    { StackName: stackName },
  );
  for await (const page of pages) {
    for (const event of page.StackEvents ?? []) {
      events.push(event);
      if (stopAt(event) || events.length >= maxEvents) return events;
    }
  }
  return events;
}

/** The newest page of DescribeStackEvents (up to 100 events), one call. */
export async function readLatestStackEvents(
  clients: AwsClients,
  stackName: string,
): Promise<StackEvent[]> {
  const output = await clients.cloudformation.send(
    new DescribeStackEventsCommand({ StackName: stackName }),
  );
  return output.StackEvents ?? [];
}

/** ListStackResources over every page: the stack's logical → physical resource map. */
export async function listStackResources(
  clients: AwsClients,
  stackName: string,
): Promise<StackResourceSummary[]> {
  const resources: StackResourceSummary[] = [];
  const pages = paginateListStackResources(
    { client: clients.cloudformation },
    { StackName: stackName },
  );
  for await (const page of pages) resources.push(...(page.StackResourceSummaries ?? []));
  return resources;
}

/** The deployed template body of a stack (the Original stage, before transforms). */
export async function getStackTemplate(clients: AwsClients, stackName: string): Promise<string> {
  const output = await clients.cloudformation.send(
    new GetTemplateCommand({ StackName: stackName, TemplateStage: 'Original' }),
  );
  return output.TemplateBody ?? '';
}

/** GetTemplateSummary for a template body or a deployed stack (capabilities, parameters). */
export async function getTemplateSummary(
  clients: AwsClients,
  source: { templateBody: string } | { stackName: string },
): Promise<GetTemplateSummaryCommandOutput> {
  return clients.cloudformation.send(
    new GetTemplateSummaryCommand(
      'templateBody' in source
        ? { TemplateBody: source.templateBody }
        : { StackName: source.stackName },
    ),
  );
}

/** CreateChangeSet; returns the change set's ARN. */
export async function createChangeSet(
  clients: AwsClients,
  input: CreateChangeSetCommandInput,
): Promise<string> {
  const output = await clients.cloudformation.send(new CreateChangeSetCommand(input));
  return output.Id ?? '';
}

/** A change set by ARN, or by name within its stack. */
export interface ChangeSetRef {
  readonly changeSet: string;
  readonly stackName: string;
}

function refInput(ref: ChangeSetRef): { ChangeSetName: string; StackName?: string } {
  // With an ARN the stack is implied; with a name CloudFormation needs the stack too.
  return ref.changeSet.startsWith('arn:')
    ? { ChangeSetName: ref.changeSet }
    : { ChangeSetName: ref.changeSet, StackName: ref.stackName };
}

/** DescribeChangeSet with every page of Changes merged into the first page's answer. */
export async function describeChangeSet(
  clients: AwsClients,
  ref: ChangeSetRef,
): Promise<DescribeChangeSetCommandOutput & { Changes: Change[] }> {
  let nextToken: string | undefined;
  let first: DescribeChangeSetCommandOutput | undefined;
  const changes: Change[] = [];
  do {
    const page = await clients.cloudformation.send(
      new DescribeChangeSetCommand({ ...refInput(ref), NextToken: nextToken }),
    );
    first ??= page;
    changes.push(...(page.Changes ?? []));
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return { ...first, Changes: changes } as DescribeChangeSetCommandOutput & { Changes: Change[] };
}

/** ExecuteChangeSet with the attempt's request token, so a retry never runs twice. */
export async function executeChangeSet(
  clients: AwsClients,
  ref: ChangeSetRef,
  clientRequestToken: string,
  options: { disableRollback?: boolean } = {},
): Promise<void> {
  await clients.cloudformation.send(
    new ExecuteChangeSetCommand({
      ...refInput(ref),
      ClientRequestToken: clientRequestToken,
      ...(options.disableRollback === undefined
        ? {}
        : { DisableRollback: options.disableRollback }),
    }),
  );
}

/** DeleteChangeSet; a change set already gone is fine. */
export async function deleteChangeSet(clients: AwsClients, ref: ChangeSetRef): Promise<void> {
  try {
    await clients.cloudformation.send(new DeleteChangeSetCommand(refInput(ref)));
  } catch (error) {
    if (error instanceof Error && error.name === 'ChangeSetNotFoundException') return;
    throw error;
  }
}

/** ListChangeSets over every page. */
export async function listChangeSets(
  clients: AwsClients,
  stackName: string,
): Promise<ChangeSetSummary[]> {
  const summaries: ChangeSetSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await clients.cloudformation.send(
      new ListChangeSetsCommand({ StackName: stackName, NextToken: nextToken }),
    );
    summaries.push(...(page.Summaries ?? []));
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return summaries;
}

/** UpdateTerminationProtection. */
export async function setTerminationProtection(
  clients: AwsClients,
  stackName: string,
  enabled: boolean,
): Promise<void> {
  await clients.cloudformation.send(
    new UpdateTerminationProtectionCommand({
      StackName: stackName,
      EnableTerminationProtection: enabled,
    }),
  );
}

/** DeleteStack with the attempt's token. */
export async function deleteStack(
  clients: AwsClients,
  stackName: string,
  clientRequestToken?: string,
  retainResources: readonly string[] = [],
): Promise<void> {
  await clients.cloudformation.send(
    new DeleteStackCommand({
      StackName: stackName,
      ClientRequestToken: clientRequestToken,
      // CloudFormation accepts RetainResources only for a stack in DELETE_FAILED.
      RetainResources: retainResources.length > 0 ? [...retainResources] : undefined,
    }),
  );
}

/** CancelUpdateStack with the attempt's token. */
export async function cancelUpdateStack(
  clients: AwsClients,
  stackName: string,
  clientRequestToken: string,
): Promise<void> {
  await clients.cloudformation.send(
    new CancelUpdateStackCommand({ StackName: stackName, ClientRequestToken: clientRequestToken }),
  );
}

/** ContinueUpdateRollback, optionally skipping resources that cannot roll back. */
export async function continueUpdateRollback(
  clients: AwsClients,
  stackName: string,
  resourcesToSkip: readonly string[],
  clientRequestToken: string,
): Promise<void> {
  await clients.cloudformation.send(
    new ContinueUpdateRollbackCommand({
      StackName: stackName,
      ResourcesToSkip: resourcesToSkip.length === 0 ? undefined : [...resourcesToSkip],
      ClientRequestToken: clientRequestToken,
    }),
  );
}
