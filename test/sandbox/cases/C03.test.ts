import {
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { deployJenkins, JENKINS_CAPABILITIES, scaleEdit, settle } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

const STACK = 'jenkins-ctl';
const PASSWORD = 'correct-horse-battery-1';

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;

function valueOf(parameters: { ParameterKey?: string; ParameterValue?: string }[], key: string) {
  return parameters.find((parameter) => parameter.ParameterKey === key)?.ParameterValue;
}

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 103 });
  clients = clientsFor(sandbox.url);
  await deployJenkins(sandbox, clients, STACK);
});
afterAll(() => sandbox.close());

describe('C03 NoEcho parameters come back masked', () => {
  it('masks the admin password in DescribeStacks and shows the cap', async () => {
    const [stack] =
      (await clients.cloudFormation.send(new DescribeStacksCommand({ StackName: STACK }))).Stacks ??
      [];
    expect(valueOf(stack?.Parameters ?? [], 'JenkinsAdminPassword')).toBe('****');
    expect(valueOf(stack?.Parameters ?? [], 'AgentInstanceCap')).toBe('10');
  });

  it('keeps the real password through a scale edit sent with UsePreviousValue, masked in every answer', async () => {
    await clients.cloudFormation.send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'cap-20',
        UsePreviousTemplate: true,
        Parameters: scaleEdit({ AgentInstanceCap: '20' }),
        Capabilities: JENKINS_CAPABILITIES,
      }),
    );
    await sandbox.control.advance(3_000);
    const changeSet = await clients.cloudFormation.send(
      new DescribeChangeSetCommand({ StackName: STACK, ChangeSetName: 'cap-20' }),
    );
    expect(valueOf(changeSet.Parameters ?? [], 'JenkinsAdminPassword')).toBe('****');
    expect(changeSet.Changes?.map((change) => change.ResourceChange?.LogicalResourceId)).toEqual([
      'AgentCapSetting',
    ]);
    await clients.cloudFormation.send(
      new ExecuteChangeSetCommand({ StackName: STACK, ChangeSetName: 'cap-20' }),
    );
    const stack = await settle(sandbox, clients.cloudFormation, STACK);
    expect(stack.StackStatus).toBe('UPDATE_COMPLETE');
    expect(valueOf(stack.Parameters ?? [], 'JenkinsAdminPassword')).toBe('****');
    expect(valueOf(stack.Parameters ?? [], 'AgentInstanceCap')).toBe('20');

    // Evidence only the sandbox can give: the secret is the original, not the mask.
    const { parameters } = await sandbox.control.deployedParameters({ stackName: STACK });
    expect(parameters.find((parameter) => parameter.key === 'JenkinsAdminPassword')?.value).toBe(
      PASSWORD,
    );
  });

  it('stores the mask itself when a client re-submits it as the value (the failure the case warns of)', async () => {
    await clients.cloudFormation.send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'resubmit-mask',
        UsePreviousTemplate: true,
        Parameters: scaleEdit({ AgentInstanceCap: '21', JenkinsAdminPassword: '************' }),
        Capabilities: JENKINS_CAPABILITIES,
      }),
    );
    await sandbox.control.advance(3_000);
    const changeSet = await clients.cloudFormation.send(
      new DescribeChangeSetCommand({ StackName: STACK, ChangeSetName: 'resubmit-mask' }),
    );
    expect(changeSet.Status).toBe('CREATE_COMPLETE');
    expect(changeSet.Changes?.map((change) => change.ResourceChange?.LogicalResourceId)).toContain(
      'AdminPasswordSecret',
    );
  });
});
