import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { refusal, settle } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

// The case's template: SpotAgentCap only feeds a resource whose condition is false.
const TEMPLATE = `
Parameters:
  UseSpotAgents: {Type: String, AllowedValues: ['true', 'false'], Default: 'false'}
  SpotAgentCap: {Type: Number, MinValue: 1, MaxValue: 50, Default: 4}
Conditions:
  UseSpot: !Equals [!Ref UseSpotAgents, 'true']
Resources:
  AlwaysThere:
    Type: AWS::SSM::Parameter
    Properties: {Type: String, Name: /jenkins-ctl/always, Value: 'on'}
  SpotCapSetting:
    Type: AWS::SSM::Parameter
    Condition: UseSpot
    Properties: {Type: String, Name: /jenkins-ctl/spot-cap, Value: !Ref SpotAgentCap}
`;
const STACK = 'jenkins-ctl';
const EDIT = [
  { ParameterKey: 'UseSpotAgents', UsePreviousValue: true },
  { ParameterKey: 'SpotAgentCap', ParameterValue: '8' },
];

let sandbox: RunningSandbox;
let cfn: ReturnType<typeof clientsFor>['cloudFormation'];

async function spotCap(): Promise<string | undefined> {
  const [stack] = (await cfn.send(new DescribeStacksCommand({ StackName: STACK }))).Stacks ?? [];
  return stack?.Parameters?.find((parameter) => parameter.ParameterKey === 'SpotAgentCap')
    ?.ParameterValue;
}

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 102 });
  cfn = clientsFor(sandbox.url).cloudFormation;
  await cfn.send(new CreateStackCommand({ StackName: STACK, TemplateBody: TEMPLATE }));
  await settle(sandbox, cfn, STACK);
});
afterAll(() => sandbox.close());

describe('C02 a scale edit whose parameter feeds nothing active', () => {
  it('answers UpdateStack with "No updates are to be performed." and keeps the old value', async () => {
    const error = await refusal(
      cfn.send(
        new UpdateStackCommand({ StackName: STACK, UsePreviousTemplate: true, Parameters: EDIT }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('No updates are to be performed.');
    expect(await spotCap()).toBe('4');
  });

  it('ends the change set FAILED for no changes and keeps showing 4 from DescribeStacks', async () => {
    await cfn.send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'spot-cap-8',
        UsePreviousTemplate: true,
        Parameters: EDIT,
      }),
    );
    await sandbox.control.advance(3_000);
    const changeSet = await cfn.send(
      new DescribeChangeSetCommand({ StackName: STACK, ChangeSetName: 'spot-cap-8' }),
    );
    expect(changeSet.Status).toBe('FAILED');
    expect(changeSet.StatusReason).toMatch(/didn't contain changes/);
    expect(await spotCap()).toBe('4');
  });

  it('does change the stack once the condition holds (control)', async () => {
    await cfn.send(
      new UpdateStackCommand({
        StackName: STACK,
        UsePreviousTemplate: true,
        Parameters: [
          { ParameterKey: 'UseSpotAgents', ParameterValue: 'true' },
          { ParameterKey: 'SpotAgentCap', ParameterValue: '8' },
        ],
      }),
    );
    expect((await settle(sandbox, cfn, STACK)).StackStatus).toBe('UPDATE_COMPLETE');
    expect(await spotCap()).toBe('8');
  });
});
