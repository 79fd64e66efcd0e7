import { describe, expect, it } from 'vitest';
import { cloudFormationHarness, refusal } from './harness';

const TINY = JSON.stringify({
  Parameters: { Name: { Type: 'String', Default: 'a' } },
  Resources: {
    Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: { Ref: 'Name' } } },
  },
});

describe('listing', () => {
  it('lists deleted stacks with ListStacks but not with DescribeStacks', async () => {
    const harness = cloudFormationHarness();
    const { StackId } = await harness.call('CreateStack', {
      StackName: 'gone',
      TemplateBody: TINY,
    });
    await harness.settle('gone');
    await harness.call('DeleteStack', { StackName: 'gone' });
    harness.clock.advance(10_000);

    const summaries = (await harness.call('ListStacks')).StackSummaries;
    expect(summaries).toEqual([
      expect.objectContaining({ StackName: 'gone', StackStatus: 'DELETE_COMPLETE' }),
    ]);
    expect((await harness.call('DescribeStacks')).Stacks).toEqual([]);
    expect(await refusal(harness.call('DescribeStacks', { StackName: 'gone' }))).toEqual({
      code: 'ValidationError',
      message: 'Stack with id gone does not exist',
    });
    expect(
      (await harness.call('DescribeStacks', { StackName: StackId })).Stacks[0].StackStatus,
    ).toBe('DELETE_COMPLETE');
    expect(await harness.call('DeleteStack', { StackName: 'gone' })).toEqual({});
  });

  it('pages ListStacks 100 at a time and filters by status', async () => {
    const harness = cloudFormationHarness();
    for (let index = 0; index < 101; index += 1) {
      await harness.call('CreateStack', { StackName: `stack-${index}`, TemplateBody: TINY });
    }
    const first = await harness.call('ListStacks', { StackStatusFilter: ['CREATE_IN_PROGRESS'] });
    expect(first.StackSummaries).toHaveLength(100);
    const second = await harness.call('ListStacks', {
      StackStatusFilter: ['CREATE_IN_PROGRESS'],
      NextToken: first.NextToken,
    });
    expect(second.StackSummaries).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    expect(
      (await harness.call('ListStacks', { StackStatusFilter: ['CREATE_COMPLETE'] })).StackSummaries,
    ).toEqual([]);
  });

  it('pages stack events newest first', async () => {
    const harness = cloudFormationHarness();
    await harness.call('CreateStack', { StackName: 'busy', TemplateBody: TINY });
    await harness.settle('busy');
    for (let edit = 0; edit < 30; edit += 1) {
      await harness.call('UpdateStack', {
        StackName: 'busy',
        UsePreviousTemplate: 'true',
        Parameters: [{ ParameterKey: 'Name', ParameterValue: `n${edit}` }],
      });
      await harness.settle('busy');
    }
    const first = await harness.call('DescribeStackEvents', { StackName: 'busy' });
    expect(first.StackEvents).toHaveLength(100);
    expect(first.StackEvents[0]).toMatchObject({
      LogicalResourceId: 'busy',
      ResourceStatus: 'UPDATE_COMPLETE',
    });
    const times = first.StackEvents.map((event: { Timestamp: string }) =>
      Date.parse(event.Timestamp),
    );
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    let token = first.NextToken;
    let last: unknown;
    let pages = 1;
    while (token) {
      const next = await harness.call('DescribeStackEvents', {
        StackName: 'busy',
        NextToken: token,
      });
      last = next.StackEvents.at(-1);
      token = next.NextToken;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(last).toMatchObject({
      ResourceStatus: 'CREATE_IN_PROGRESS',
      ResourceStatusReason: 'User Initiated',
    });
  });

  it('summarises a template with NoEcho defaults masked and metadata as JSON text', async () => {
    const harness = cloudFormationHarness();
    const summary = await harness.call('GetTemplateSummary', {
      TemplateBody: JSON.stringify({
        Metadata: { Owner: 'ops' },
        Parameters: {
          Secret: { Type: 'String', NoEcho: 'true', Default: 'hunter2hunter2' },
          Size: { Type: 'String', AllowedValues: ['s', 'm'], Default: 's', Description: 'Size' },
        },
        Resources: { Logs: { Type: 'AWS::Logs::LogGroup' } },
      }),
    });
    expect(summary).toMatchObject({
      Parameters: [
        { ParameterKey: 'Secret', DefaultValue: '****', NoEcho: true, ParameterType: 'String' },
        {
          ParameterKey: 'Size',
          ParameterConstraints: { AllowedValues: ['s', 'm'] },
          Description: 'Size',
        },
      ],
      ResourceTypes: ['AWS::Logs::LogGroup'],
      Metadata: '{"Owner":"ops"}',
      DeclaredTransforms: [],
    });
  });
});
