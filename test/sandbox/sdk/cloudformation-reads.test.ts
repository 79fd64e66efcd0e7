import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStackResourceCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  ListStacksCommand,
  paginateDescribeStackEvents,
  paginateDescribeStacks,
  paginateListStackResources,
  paginateListStacks,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from '../support';
import { refusal, settle } from './support';
import { SMALL_PARAMETERS, SMALL_TEMPLATE, TINY_TEMPLATE, wideTemplate } from './templates';

const MANY = 103;
const WIDE = 105;

let sandbox: RunningSandbox;
let cfn: ReturnType<typeof clientsFor>['cloudFormation'];
const deletedIds: string[] = [];

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 32 });
  cfn = clientsFor(sandbox.url).cloudFormation;
  await cfn.send(
    new CreateStackCommand({
      StackName: 'sdk-small',
      TemplateBody: SMALL_TEMPLATE,
      Parameters: SMALL_PARAMETERS,
    }),
  );
  await cfn.send(
    new CreateStackCommand({ StackName: 'sdk-wide', TemplateBody: wideTemplate(WIDE) }),
  );
  for (let index = 0; index < MANY; index++) {
    await cfn.send(
      new CreateStackCommand({ StackName: `sdk-many-${index}`, TemplateBody: TINY_TEMPLATE }),
    );
  }
  await settle(sandbox, cfn, 'sdk-wide');
  for (const index of [0, 1]) {
    const [stack] =
      (await cfn.send(new DescribeStacksCommand({ StackName: `sdk-many-${index}` }))).Stacks ?? [];
    deletedIds.push(stack?.StackId ?? '');
    await cfn.send(new DeleteStackCommand({ StackName: `sdk-many-${index}` }));
  }
  for (const id of deletedIds) await settle(sandbox, cfn, id);
});
afterAll(() => sandbox.close());

describe('DescribeStacks through the SDK', () => {
  it('pages every live stack 100 at a time, without deleted ones', async () => {
    const pages = [];
    for await (const page of paginateDescribeStacks({ client: cfn }, {})) pages.push(page);
    expect(pages.map((page) => page.Stacks?.length)).toEqual([100, MANY + 2 - 2 - 100]);
    const names = pages.flatMap((page) => page.Stacks ?? []).map((stack) => stack.StackName);
    expect(names).not.toContain('sdk-many-0');
    expect(names).toContain('sdk-small');
  });

  it('describes a stack with the fields the dashboard reads, NoEcho masked', async () => {
    const [stack] =
      (await cfn.send(new DescribeStacksCommand({ StackName: 'sdk-small' }))).Stacks ?? [];
    expect(stack).toMatchObject({
      StackName: 'sdk-small',
      StackStatus: 'CREATE_COMPLETE',
      Description: 'SDK coverage stack',
      EnableTerminationProtection: false,
      Outputs: [{ OutputKey: 'CapName', OutputValue: '/sdk/sdk-small/cap' }],
    });
    expect(stack?.CreationTime).toBeInstanceOf(Date);
    expect(stack?.Parameters).toEqual([
      { ParameterKey: 'Cap', ParameterValue: '10' },
      { ParameterKey: 'Password', ParameterValue: '****' },
    ]);
  });

  it('finds a deleted stack by its id only', async () => {
    const [stack] =
      (await cfn.send(new DescribeStacksCommand({ StackName: deletedIds[0] }))).Stacks ?? [];
    expect(stack?.StackStatus).toBe('DELETE_COMPLETE');
    const error = await refusal(cfn.send(new DescribeStacksCommand({ StackName: 'sdk-many-0' })));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Stack with id sdk-many-0 does not exist');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe('ListStacks through the SDK', () => {
  it('pages every stack including deleted ones, with DeletionTime', async () => {
    const pages = [];
    for await (const page of paginateListStacks({ client: cfn }, {})) pages.push(page);
    expect(pages).toHaveLength(2);
    expect(pages[0]?.NextToken).toEqual(expect.any(String));
    const summaries = pages.flatMap((page) => page.StackSummaries ?? []);
    expect(summaries).toHaveLength(MANY + 2);
    const deleted = summaries.filter((summary) => summary.StackStatus === 'DELETE_COMPLETE');
    expect(deleted.map((summary) => summary.StackId).sort()).toEqual([...deletedIds].sort());
    expect(deleted[0]?.DeletionTime).toBeInstanceOf(Date);
  });

  it('filters by status', async () => {
    const { StackSummaries, NextToken } = await cfn.send(
      new ListStacksCommand({ StackStatusFilter: ['DELETE_COMPLETE'] }),
    );
    expect(StackSummaries).toHaveLength(2);
    expect(NextToken).toBeUndefined();
  });

  it('refuses a NextToken it did not issue with ValidationError', async () => {
    const error = await refusal(cfn.send(new ListStacksCommand({ NextToken: 'not-a-token' })));
    expect(error.name).toBe('ValidationError');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe('DescribeStackEvents through the SDK', () => {
  it('pages events newest first, 100 a page, back to the operation start', async () => {
    const events: StackEvent[] = [];
    const sizes = [];
    for await (const page of paginateDescribeStackEvents(
      { client: cfn },
      { StackName: 'sdk-wide' },
    )) {
      sizes.push(page.StackEvents?.length);
      events.push(...(page.StackEvents ?? []));
    }
    // Each resource reports IN_PROGRESS, "Resource creation Initiated" and COMPLETE.
    expect(sizes).toEqual([100, 100, 100, 3 * WIDE + 2 - 300]);
    expect(events[0]).toMatchObject({
      LogicalResourceId: 'sdk-wide',
      ResourceStatus: 'CREATE_COMPLETE',
      ResourceType: 'AWS::CloudFormation::Stack',
    });
    expect(events.at(-1)).toMatchObject({
      LogicalResourceId: 'sdk-wide',
      ResourceStatus: 'CREATE_IN_PROGRESS',
      ResourceStatusReason: 'User Initiated',
    });
    const times = events.map((event) => event.Timestamp?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(events.map((event) => event.EventId)).size).toBe(events.length);
  });

  it('refuses a stack that does not exist with ValidationError', async () => {
    const error = await refusal(
      cfn.send(new DescribeStackEventsCommand({ StackName: 'sdk-nope' })),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Stack with id sdk-nope does not exist');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe('stack resources through the SDK', () => {
  it('lists resources in pages of 100 with NextToken', async () => {
    const pages = [];
    for await (const page of paginateListStackResources({ client: cfn }, { StackName: 'sdk-wide' }))
      pages.push(page);
    expect(pages.map((page) => page.StackResourceSummaries?.length)).toEqual([100, WIDE - 100]);
    expect(pages[0]?.StackResourceSummaries?.[0]).toMatchObject({
      LogicalResourceId: 'Group000',
      PhysicalResourceId: '/wide/sdk-wide/0',
      ResourceType: 'AWS::Logs::LogGroup',
      ResourceStatus: 'CREATE_COMPLETE',
    });
    expect(pages[0]?.StackResourceSummaries?.[0]?.LastUpdatedTimestamp).toBeInstanceOf(Date);
  });

  it('describes at most the first 100 resources of a stack, as AWS does', async () => {
    const { StackResources } = await cfn.send(
      new DescribeStackResourcesCommand({ StackName: 'sdk-wide' }),
    );
    expect(StackResources).toHaveLength(100);
  });

  it("describes resources by stack and logical id, or all of a physical id's stack", async () => {
    const byLogical = await cfn.send(
      new DescribeStackResourcesCommand({
        StackName: 'sdk-small',
        LogicalResourceId: 'CapSetting',
      }),
    );
    expect(byLogical.StackResources).toEqual([
      expect.objectContaining({
        StackName: 'sdk-small',
        LogicalResourceId: 'CapSetting',
        PhysicalResourceId: '/sdk/sdk-small/cap',
        ResourceType: 'AWS::SSM::Parameter',
        ResourceStatus: 'CREATE_COMPLETE',
      }),
    ]);
    const byPhysical = await cfn.send(
      new DescribeStackResourcesCommand({ PhysicalResourceId: '/sdk/sdk-small/cap' }),
    );
    expect(byPhysical.StackResources?.map((resource) => resource.LogicalResourceId)).toEqual([
      'CapSetting',
      'Logs',
    ]);
    for (const input of [
      {},
      { StackName: 'sdk-small', PhysicalResourceId: '/sdk/sdk-small/cap' },
    ]) {
      const error = await refusal(cfn.send(new DescribeStackResourcesCommand(input)));
      expect(error.name).toBe('ValidationError');
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });

  it('describes one resource in detail, and refuses one the stack does not have', async () => {
    const { StackResourceDetail } = await cfn.send(
      new DescribeStackResourceCommand({ StackName: 'sdk-small', LogicalResourceId: 'Logs' }),
    );
    expect(StackResourceDetail).toMatchObject({
      LogicalResourceId: 'Logs',
      PhysicalResourceId: '/sdk/sdk-small',
      ResourceType: 'AWS::Logs::LogGroup',
    });
    expect(StackResourceDetail?.LastUpdatedTimestamp).toBeInstanceOf(Date);
    const error = await refusal(
      cfn.send(
        new DescribeStackResourceCommand({ StackName: 'sdk-small', LogicalResourceId: 'No' }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Resource No does not exist for stack sdk-small');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses ListStackResources for a stack that does not exist with ValidationError', async () => {
    const error = await refusal(cfn.send(new ListStackResourcesCommand({ StackName: 'sdk-nope' })));
    expect(error.name).toBe('ValidationError');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});
