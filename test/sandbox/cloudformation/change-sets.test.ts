import { describe, expect, it } from 'vitest';
import { AMI_PATH, previousValues, SCALE_PARAMETERS, SCALE_TEMPLATE } from './fixtures';
import { cloudFormationHarness, deployedScaleStack, refusal } from './harness';

async function changeSet(
  harness: Awaited<ReturnType<typeof deployedScaleStack>>,
  name: string,
  parameters: Record<string, string>,
) {
  await harness.call('CreateChangeSet', {
    StackName: 'jenkins-ctl',
    ChangeSetName: name,
    UsePreviousTemplate: 'true',
    Parameters: previousValues(parameters),
  });
  harness.clock.advance(3_000);
  return harness.call('DescribeChangeSet', { StackName: 'jenkins-ctl', ChangeSetName: name });
}

describe('change set', () => {
  it('reports a scale edit as an in-place Modify caused by the parameter', async () => {
    const harness = await deployedScaleStack();
    const described = await changeSet(harness, 'scale-1', { AgentInstanceCap: '20' });

    expect(described.Status).toBe('CREATE_COMPLETE');
    expect(described.ExecutionStatus).toBe('AVAILABLE');
    expect(described.Changes).toEqual([
      {
        Type: 'Resource',
        ResourceChange: expect.objectContaining({
          Action: 'Modify',
          LogicalResourceId: 'AgentCap',
          Replacement: 'False',
          Scope: ['Properties'],
          Details: [
            {
              Target: { Attribute: 'Properties', Name: 'Value', RequiresRecreation: 'Never' },
              Evaluation: 'Static',
              ChangeSource: 'ParameterReference',
              CausingEntity: 'AgentInstanceCap',
            },
          ],
        }),
      },
    ]);
  });

  it('reports Replacement True for the task definition and a reference change for the service', async () => {
    const harness = await deployedScaleStack();
    const described = await changeSet(harness, 'image-1', {
      ControllerImage: 'jenkins/jenkins:2.462',
    });
    const byId = Object.fromEntries(
      described.Changes.map((change: { ResourceChange: { LogicalResourceId: string } }) => [
        change.ResourceChange.LogicalResourceId,
        change.ResourceChange,
      ]),
    );

    expect(byId.TaskDefinition.Replacement).toBe('True');
    expect(byId.TaskDefinition.Details[0].Target).toEqual({
      Attribute: 'Properties',
      Name: 'ContainerDefinitions',
      RequiresRecreation: 'Always',
    });
    expect(byId.Service.Replacement).toBe('False');
    expect(byId.Service.Details).toContainEqual(
      expect.objectContaining({
        ChangeSource: 'ResourceReference',
        CausingEntity: 'TaskDefinition',
      }),
    );
  });

  it('adds a conditional resource when its condition becomes true', async () => {
    const harness = await deployedScaleStack();
    const described = await changeSet(harness, 'dns-1', { HostedZoneId: 'Z123' });
    expect(
      described.Changes.map((change: { ResourceChange: object }) => change.ResourceChange),
    ).toEqual([
      expect.objectContaining({
        Action: 'Add',
        LogicalResourceId: 'Record',
        ResourceType: 'AWS::Route53::RecordSet',
      }),
    ]);
  });

  it('ends FAILED with AWS wording when nothing changes, and keeps the old value (C01, C02)', async () => {
    const harness = await deployedScaleStack();
    harness.clock.advance(1_000);
    const pending = await harness.call('CreateChangeSet', {
      StackName: 'jenkins-ctl',
      ChangeSetName: 'noop-1',
      UsePreviousTemplate: 'true',
      Parameters: previousValues(),
    });
    const first = await harness.call('DescribeChangeSet', { ChangeSetName: pending.Id });
    expect(first).toMatchObject({ Status: 'CREATE_PENDING', ExecutionStatus: 'UNAVAILABLE' });
    harness.clock.advance(3_000);
    const described = await harness.call('DescribeChangeSet', { ChangeSetName: pending.Id });
    expect(described).toMatchObject({
      Status: 'FAILED',
      ExecutionStatus: 'UNAVAILABLE',
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    });
  });

  it('refuses to execute before the change set is ready, and refuses a second one with the same name (C16)', async () => {
    const harness = await deployedScaleStack();
    await harness.call('CreateChangeSet', {
      StackName: 'jenkins-ctl',
      ChangeSetName: 'scale-edit',
      UsePreviousTemplate: 'true',
      Parameters: previousValues({ AgentInstanceCap: '20' }),
    });
    const early = await refusal(
      harness.call('ExecuteChangeSet', { StackName: 'jenkins-ctl', ChangeSetName: 'scale-edit' }),
    );
    expect(early.code).toBe('InvalidChangeSetStatus');
    const again = await refusal(
      harness.call('CreateChangeSet', {
        StackName: 'jenkins-ctl',
        ChangeSetName: 'scale-edit',
        UsePreviousTemplate: 'true',
        Parameters: previousValues({ AgentInstanceCap: '20' }),
      }),
    );
    expect(again.code).toBe('AlreadyExistsException');
  });

  it('executes exactly its changes: the SSM parameter is updated, the controller is not touched', async () => {
    const harness = await deployedScaleStack();
    await changeSet(harness, 'scale-2', { AgentInstanceCap: '25' });
    const callsBefore = harness.ssmProvider.calls.length;
    await harness.call('ExecuteChangeSet', {
      StackName: 'jenkins-ctl',
      ChangeSetName: 'scale-2',
      ClientRequestToken: 'dash-scale-2',
    });

    expect(await harness.settle('jenkins-ctl')).toBe('UPDATE_COMPLETE');
    const applied = harness.ssmProvider.calls.slice(callsBefore);
    expect(applied).toEqual([
      expect.objectContaining({
        action: 'update',
        logicalId: 'AgentCap',
        properties: expect.objectContaining({ Value: '25' }),
      }),
    ]);
    const history = await harness.events('jenkins-ctl');
    expect(history.slice(-5)).toEqual([
      'jenkins-ctl UPDATE_IN_PROGRESS',
      'AgentCap UPDATE_IN_PROGRESS',
      'AgentCap UPDATE_COMPLETE',
      'jenkins-ctl UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
      'jenkins-ctl UPDATE_COMPLETE',
    ]);
    const described = await harness.call('DescribeChangeSet', {
      StackName: 'jenkins-ctl',
      ChangeSetName: 'scale-2',
    });
    expect(described.ExecutionStatus).toBe('EXECUTE_COMPLETE');
  });

  it('masks NoEcho values in DescribeChangeSet and DescribeStacks (C03)', async () => {
    const harness = await deployedScaleStack();
    const described = await changeSet(harness, 'scale-3', { AgentInstanceCap: '12' });
    expect(described.Parameters).toContainEqual({
      ParameterKey: 'AdminPassword',
      ParameterValue: '****',
    });
    const stack = (await harness.call('DescribeStacks', { StackName: 'jenkins-ctl' })).Stacks[0];
    expect(stack.Parameters).toContainEqual({
      ParameterKey: 'AdminPassword',
      ParameterValue: '****',
    });
    expect(JSON.stringify(stack)).not.toContain('correct-horse-battery');
  });

  it('puts a new stack in REVIEW_IN_PROGRESS for a CREATE change set (C19)', async () => {
    const harness = cloudFormationHarness({ ssm: { [AMI_PATH]: 'ami-1' } });
    const created = await harness.call('CreateChangeSet', {
      StackName: 'fresh',
      ChangeSetName: 'launch-1',
      ChangeSetType: 'CREATE',
      TemplateBody: SCALE_TEMPLATE,
      Parameters: SCALE_PARAMETERS,
    });
    expect(await harness.status('fresh')).toBe('REVIEW_IN_PROGRESS');
    const update = await refusal(
      harness.call('CreateChangeSet', {
        StackName: 'fresh',
        ChangeSetName: 'update-1',
        ChangeSetType: 'UPDATE',
        UsePreviousTemplate: 'true',
      }),
    );
    expect(update.message).toBe('Stack [fresh] does not exist');
    harness.clock.advance(3_000);
    await harness.call('ExecuteChangeSet', { ChangeSetName: created.Id });
    expect(await harness.settle('fresh')).toBe('CREATE_COMPLETE');
  });

  it('refuses UsePreviousValue on a CREATE change set (C04)', async () => {
    const harness = cloudFormationHarness({ ssm: { [AMI_PATH]: 'ami-1' } });
    const refused = await refusal(
      harness.call('CreateChangeSet', {
        StackName: 'fresh',
        ChangeSetName: 'launch-1',
        ChangeSetType: 'CREATE',
        TemplateBody: SCALE_TEMPLATE,
        Parameters: [
          ...SCALE_PARAMETERS,
          { ParameterKey: 'AgentInstanceCap', UsePreviousValue: 'true' },
        ],
      }),
    );
    expect(refused).toEqual({
      code: 'ValidationError',
      message: 'Cannot specify UsePreviousValue on Parameters when ChangeSetType is CREATE',
    });
  });
});
