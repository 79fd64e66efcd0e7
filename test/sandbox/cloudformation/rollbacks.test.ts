import { describe, expect, it } from 'vitest';
import { AMI_PATH, previousValues, SCALE_PARAMETERS, SCALE_TEMPLATE } from './fixtures';
import { cloudFormationHarness, deployedScaleStack, REGION, refusal } from './harness';

describe('rollback', () => {
  it('rolls a failed create back to ROLLBACK_COMPLETE and deletes what was created', async () => {
    const harness = cloudFormationHarness({ ssm: { [AMI_PATH]: 'ami-1' } });
    harness.cloudFormation.failResourceOnNextOperation(
      REGION,
      'jenkins-ctl',
      'Service',
      'Service did not stabilize.',
    );
    await harness.call('CreateStack', {
      StackName: 'jenkins-ctl',
      TemplateBody: SCALE_TEMPLATE,
      Parameters: SCALE_PARAMETERS,
    });

    expect(await harness.settle('jenkins-ctl')).toBe('ROLLBACK_COMPLETE');
    const stack = (await harness.call('DescribeStacks', { StackName: 'jenkins-ctl' })).Stacks[0];
    const events = (await harness.call('DescribeStackEvents', { StackName: 'jenkins-ctl' }))
      .StackEvents;
    expect(
      events.find(
        (event: { ResourceStatus: string }) => event.ResourceStatus === 'ROLLBACK_IN_PROGRESS',
      ),
    ).toMatchObject({
      ResourceStatusReason:
        'The following resource(s) failed to create: [Service]. Rollback requested by user.',
    });
    const history = await harness.events('jenkins-ctl');
    expect(history).toContain('Service CREATE_FAILED');
    expect(history).toContain('Cluster DELETE_COMPLETE');
    const refused = await refusal(
      harness.call('UpdateStack', {
        StackName: 'jenkins-ctl',
        UsePreviousTemplate: 'true',
        Parameters: previousValues(),
      }),
    );
    expect(refused.message).toBe(
      `Stack:${stack.StackId} is in ROLLBACK_COMPLETE state and can not be updated.`,
    );
  });

  it('keeps a failed create as CREATE_FAILED when OnFailure is DO_NOTHING', async () => {
    const harness = cloudFormationHarness({ ssm: { [AMI_PATH]: 'ami-1' } });
    harness.cloudFormation.failResourceOnNextOperation(REGION, 'jenkins-ctl', 'Cluster', 'boom');
    await harness.call('CreateStack', {
      StackName: 'jenkins-ctl',
      TemplateBody: SCALE_TEMPLATE,
      Parameters: SCALE_PARAMETERS,
      OnFailure: 'DO_NOTHING',
    });
    expect(await harness.settle('jenkins-ctl')).toBe('CREATE_FAILED');
  });

  it('rolls a failed update back through cleanup to UPDATE_ROLLBACK_COMPLETE', async () => {
    const harness = await deployedScaleStack();
    harness.cloudFormation.failResourceOnNextOperation(
      REGION,
      'jenkins-ctl',
      'AgentCap',
      'Parameter limit exceeded',
    );
    await harness.call('UpdateStack', {
      StackName: 'jenkins-ctl',
      UsePreviousTemplate: 'true',
      Parameters: previousValues({
        AgentInstanceCap: '30',
        ControllerImage: 'jenkins/jenkins:2.462',
      }),
      ClientRequestToken: 'dash-7f3c',
    });

    expect(await harness.settle('jenkins-ctl')).toBe('UPDATE_ROLLBACK_COMPLETE');
    const stackEvents = (await harness.events('jenkins-ctl')).filter((event) =>
      event.startsWith('jenkins-ctl'),
    );
    expect(stackEvents.slice(-4)).toEqual([
      'jenkins-ctl UPDATE_IN_PROGRESS',
      'jenkins-ctl UPDATE_ROLLBACK_IN_PROGRESS',
      'jenkins-ctl UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
      'jenkins-ctl UPDATE_ROLLBACK_COMPLETE',
    ]);
    const stack = (await harness.call('DescribeStacks', { StackName: 'jenkins-ctl' })).Stacks[0];
    expect(stack.Parameters).toContainEqual({
      ParameterKey: 'AgentInstanceCap',
      ParameterValue: '10',
    });
    const resources = (await harness.call('ListStackResources', { StackName: 'jenkins-ctl' }))
      .StackResourceSummaries;
    expect(
      resources.every((resource: { ResourceStatus: string }) =>
        resource.ResourceStatus.endsWith('COMPLETE'),
      ),
    ).toBe(true);
  });

  it('stops in UPDATE_ROLLBACK_FAILED and continues the rollback skipping a resource (C18)', async () => {
    const harness = await deployedScaleStack();
    for (let failure = 0; failure < 2; failure += 1) {
      harness.cloudFormation.failResourceOnNextOperation(
        REGION,
        'jenkins-ctl',
        'AgentCap',
        'Access denied',
      );
    }
    await harness.call('UpdateStack', {
      StackName: 'jenkins-ctl',
      UsePreviousTemplate: 'true',
      Parameters: previousValues({ AgentInstanceCap: '30' }),
    });
    expect(await harness.settle('jenkins-ctl')).toBe('UPDATE_ROLLBACK_FAILED');
    const stack = (await harness.call('DescribeStacks', { StackName: 'jenkins-ctl' })).Stacks[0];
    expect(stack.StackStatusReason).toBe('The following resource(s) failed to update: [AgentCap].');
    const refused = await refusal(
      harness.call('UpdateStack', {
        StackName: 'jenkins-ctl',
        UsePreviousTemplate: 'true',
        Parameters: previousValues({ AgentInstanceCap: '31' }),
      }),
    );
    expect(refused.message).toContain('is in UPDATE_ROLLBACK_FAILED state and can not be updated.');

    await harness.call('ContinueUpdateRollback', {
      StackName: 'jenkins-ctl',
      ResourcesToSkip: ['AgentCap'],
      ClientRequestToken: 'dash-continue',
    });
    expect(await harness.settle('jenkins-ctl')).toBe('UPDATE_ROLLBACK_COMPLETE');
    const latest = (await harness.call('DescribeStackEvents', { StackName: 'jenkins-ctl' }))
      .StackEvents[0];
    expect(latest).toMatchObject({
      ResourceStatus: 'UPDATE_ROLLBACK_COMPLETE',
      ClientRequestToken: 'dash-continue',
    });
  });

  it('cancels an update in progress and rolls it back with the cancel token (C14)', async () => {
    const harness = await deployedScaleStack();
    await harness.call('UpdateStack', {
      StackName: 'jenkins-ctl',
      UsePreviousTemplate: 'true',
      Parameters: previousValues({ ControllerImage: 'jenkins/jenkins:2.462' }),
      ClientRequestToken: 'dash-7f3c',
    });
    harness.clock.advance(2_000);
    await harness.call('CancelUpdateStack', {
      StackName: 'jenkins-ctl',
      ClientRequestToken: 'Console-CancelUpdateStack-91ab',
    });
    expect(await harness.settle('jenkins-ctl')).toBe('UPDATE_ROLLBACK_COMPLETE');
    const events = (await harness.call('DescribeStackEvents', { StackName: 'jenkins-ctl' }))
      .StackEvents;
    const rollback = events.find(
      (event: { ResourceStatus: string }) => event.ResourceStatus === 'UPDATE_ROLLBACK_IN_PROGRESS',
    );
    expect(rollback).toMatchObject({
      ClientRequestToken: 'Console-CancelUpdateStack-91ab',
      ResourceStatusReason: 'Resource update cancelled',
    });
  });
});

describe('refusals', () => {
  it('answers an unchanged update with "No updates are to be performed." (C01)', async () => {
    const harness = await deployedScaleStack();
    const refused = await refusal(
      harness.call('UpdateStack', {
        StackName: 'jenkins-ctl',
        UsePreviousTemplate: 'true',
        Parameters: previousValues(),
      }),
    );
    expect(refused).toEqual({
      code: 'ValidationError',
      message: 'No updates are to be performed.',
    });
  });

  it('treats a parameter that feeds no active resource as no update and does not store it (C02)', async () => {
    const harness = await deployedScaleStack();
    const refused = await refusal(
      harness.call('UpdateStack', {
        StackName: 'jenkins-ctl',
        UsePreviousTemplate: 'true',
        Parameters: previousValues({ HostedZoneId: '' }),
      }),
    );
    expect(refused.message).toBe('No updates are to be performed.');
  });

  it('re-resolves SSM parameter types on every update (C12)', async () => {
    const harness = await deployedScaleStack();
    harness.ssm.set(AMI_PATH, 'ami-0bbb2222bbbb2222b');
    await harness.call('UpdateStack', {
      StackName: 'jenkins-ctl',
      UsePreviousTemplate: 'true',
      Parameters: previousValues({ AgentInstanceCap: '15' }),
    });
    expect(await harness.settle('jenkins-ctl')).toBe('UPDATE_COMPLETE');
    const stack = (await harness.call('DescribeStacks', { StackName: 'jenkins-ctl' })).Stacks[0];
    expect(stack.Parameters).toContainEqual({
      ParameterKey: 'AgentAmiId',
      ParameterValue: AMI_PATH,
      ResolvedValue: 'ami-0bbb2222bbbb2222b',
    });
    expect(
      harness.ssmProvider.calls
        .filter((call) => call.action === 'update')
        .map((call) => call.logicalId)
        .sort(),
    ).toEqual(['AgentAmi', 'AgentCap']);
  });

  it('refuses an update while another is in progress (C16)', async () => {
    const harness = await deployedScaleStack();
    await harness.call('UpdateStack', {
      StackName: 'jenkins-ctl',
      UsePreviousTemplate: 'true',
      Parameters: previousValues({ AgentInstanceCap: '20' }),
    });
    const refused = await refusal(
      harness.call('UpdateStack', {
        StackName: 'jenkins-ctl',
        UsePreviousTemplate: 'true',
        Parameters: previousValues({ AgentInstanceCap: '21' }),
      }),
    );
    expect(refused.message).toMatch(
      /^Stack:arn:aws:cloudformation:eu-west-1:123456789012:stack\/jenkins-ctl\/.+ is in UPDATE_IN_PROGRESS state and can not be updated\.$/,
    );
  });

  it('refuses UsePreviousValue together with a value, and for keys the stack does not have (C04)', async () => {
    const harness = await deployedScaleStack();
    const both = await refusal(
      harness.call('UpdateStack', {
        StackName: 'jenkins-ctl',
        UsePreviousTemplate: 'true',
        Parameters: [
          { ParameterKey: 'AgentInstanceCap', ParameterValue: '5', UsePreviousValue: 'true' },
        ],
      }),
    );
    expect(both.message).toBe(
      'Invalid input for parameter key AgentInstanceCap. Cannot specify usePreviousValue as true and non empty value for a parameter',
    );
    const unknown = await refusal(
      harness.call('UpdateStack', {
        StackName: 'jenkins-ctl',
        UsePreviousTemplate: 'true',
        Parameters: [...previousValues(), { ParameterKey: 'LegacyElbName', ParameterValue: 'x' }],
      }),
    );
    expect(unknown.message).toBe('Parameters: [LegacyElbName] do not exist in the template');
  });

  it('refuses deleting a stack with termination protection', async () => {
    const harness = await deployedScaleStack();
    await harness.call('UpdateTerminationProtection', {
      StackName: 'jenkins-ctl',
      EnableTerminationProtection: 'true',
    });
    const refused = await refusal(harness.call('DeleteStack', { StackName: 'jenkins-ctl' }));
    expect(refused.message).toBe(
      'Stack [jenkins-ctl] cannot be deleted while TerminationProtection is enabled',
    );
  });

  it('refuses a reused ClientRequestToken for a different request, and replays the same one', async () => {
    const harness = await deployedScaleStack();
    const input = {
      StackName: 'jenkins-ctl',
      UsePreviousTemplate: 'true',
      Parameters: previousValues({ AgentInstanceCap: '20' }),
      ClientRequestToken: 'dash-1',
    };
    await harness.call('UpdateStack', input);
    await harness.settle('jenkins-ctl');
    expect((await harness.call('UpdateStack', input)).StackId).toContain('jenkins-ctl');
    const refused = await refusal(
      harness.call('UpdateStack', {
        ...input,
        Parameters: previousValues({ AgentInstanceCap: '40' }),
      }),
    );
    expect(refused.code).toBe('TokenAlreadyExistsException');
  });

  it('names the missing capability for named IAM resources (C29)', async () => {
    const harness = cloudFormationHarness();
    const template = JSON.stringify({
      Resources: {
        AgentRole: {
          Type: 'AWS::IAM::Role',
          Properties: { RoleName: 'agent', AssumeRolePolicyDocument: {} },
        },
        AgentProfile: {
          Type: 'AWS::IAM::InstanceProfile',
          Properties: { InstanceProfileName: 'agent', Roles: [{ Ref: 'AgentRole' }] },
        },
      },
    });
    const refused = await refusal(
      harness.call('CreateStack', {
        StackName: 'iam',
        TemplateBody: template,
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    expect(refused).toEqual({
      code: 'InsufficientCapabilitiesException',
      message: 'Requires capabilities : [CAPABILITY_NAMED_IAM]',
    });
    const summary = await harness.call('GetTemplateSummary', { TemplateBody: template });
    expect(summary).toMatchObject({
      Capabilities: ['CAPABILITY_NAMED_IAM'],
      CapabilitiesReason:
        'The following resource(s) require capabilities: [AWS::IAM::Role, AWS::IAM::InstanceProfile]',
    });
  });
});
