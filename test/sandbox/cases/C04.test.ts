import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DescribeChangeSetCommand,
  type Parameter,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { refusal, settle } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

const V1 = `
Parameters:
  AgentInstanceCap: {Type: Number, Default: 10}
  ControllerCpu: {Type: Number, Default: 1024}
  LegacyElbName: {Type: String, Default: legacy}
Resources:
  Cpu:
    Type: AWS::SSM::Parameter
    Properties: {Type: String, Name: /jenkins-ctl/cpu, Value: !Ref ControllerCpu}
`;
const V2 = `
Parameters:
  AgentInstanceCap: {Type: Number, Default: 10}
  ControllerCpu: {Type: Number, Default: 1024}
  AgentIdleMinutes: {Type: Number, Default: 30}
  WebhookSecret: {Type: String, NoEcho: true}
Resources:
  Cpu:
    Type: AWS::SSM::Parameter
    Properties: {Type: String, Name: /jenkins-ctl/cpu, Value: !Ref ControllerCpu}
  Idle:
    Type: AWS::SSM::Parameter
    Properties: {Type: String, Name: /jenkins-ctl/idle, Value: !Ref AgentIdleMinutes}
`;
const STACK = 'jenkins-ctl';

let sandbox: RunningSandbox;
let cfn: ReturnType<typeof clientsFor>['cloudFormation'];

function upgrade(name: string, parameters: Parameter[], stackName = STACK) {
  return cfn.send(
    new CreateChangeSetCommand({
      StackName: stackName,
      ChangeSetName: name,
      ChangeSetType: stackName === STACK ? 'UPDATE' : 'CREATE',
      TemplateBody: V2,
      Parameters: parameters,
    }),
  );
}

const KEPT = { ParameterKey: 'AgentInstanceCap', UsePreviousValue: true };
const CHANGED = { ParameterKey: 'ControllerCpu', ParameterValue: '2048' };
const SECRET = { ParameterKey: 'WebhookSecret', ParameterValue: 'hook-secret-1' };

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 104 });
  cfn = clientsFor(sandbox.url).cloudFormation;
  await cfn.send(new CreateStackCommand({ StackName: STACK, TemplateBody: V1 }));
  await settle(sandbox, cfn, STACK);
});
afterAll(() => sandbox.close());

describe('C04 UsePreviousValue is only legal in some situations', () => {
  it('refuses UsePreviousValue on a CREATE change set', async () => {
    const error = await refusal(upgrade('create-1', [KEPT, SECRET], 'jenkins-new'));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(
      'Cannot specify UsePreviousValue on Parameters when ChangeSetType is CREATE',
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses UsePreviousValue together with a non-empty value', async () => {
    const error = await refusal(
      upgrade('both-1', [
        { ParameterKey: 'AgentInstanceCap', UsePreviousValue: true, ParameterValue: '12' },
        CHANGED,
        SECRET,
      ]),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(/Cannot specify usePreviousValue as true and non empty value/);
  });

  it('refuses UsePreviousValue for a key the previous template did not have', async () => {
    const error = await refusal(
      upgrade('new-key-1', [
        KEPT,
        CHANGED,
        SECRET,
        { ParameterKey: 'AgentIdleMinutes', UsePreviousValue: true },
      ]),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(/AgentIdleMinutes.*not in the previous template/);
  });

  it('refuses a key the new template dropped', async () => {
    const error = await refusal(
      upgrade('dropped-1', [
        KEPT,
        CHANGED,
        SECRET,
        { ParameterKey: 'LegacyElbName', UsePreviousValue: true },
      ]),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Parameters: [LegacyElbName] do not exist in the template');
  });

  it('refuses a new key without a Default that is not filled', async () => {
    const error = await refusal(upgrade('no-secret-1', [KEPT, CHANGED]));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Parameters: [WebhookSecret] must have values');
  });

  it('accepts the list built from the new template: kept, changed, new with Default omitted, new secret filled', async () => {
    await upgrade('upgrade-v2', [KEPT, CHANGED, SECRET]);
    await sandbox.control.advance(3_000);
    const changeSet = await cfn.send(
      new DescribeChangeSetCommand({ StackName: STACK, ChangeSetName: 'upgrade-v2' }),
    );
    expect(changeSet.Status).toBe('CREATE_COMPLETE');
    expect(changeSet.Parameters).toEqual(
      expect.arrayContaining([
        { ParameterKey: 'AgentInstanceCap', ParameterValue: '10' },
        { ParameterKey: 'ControllerCpu', ParameterValue: '2048' },
        { ParameterKey: 'AgentIdleMinutes', ParameterValue: '30' },
        { ParameterKey: 'WebhookSecret', ParameterValue: '****' },
      ]),
    );
  });
});
