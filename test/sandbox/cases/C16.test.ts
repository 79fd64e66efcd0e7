import {
  AlreadyExistsException,
  CreateChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  InvalidChangeSetStatusException,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { deployJenkins, JENKINS_CAPABILITIES, refusal, scaleEdit, settle } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

const STACK = 'jenkins-ctl';

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;
let stackId: string;

function scaleChangeSet(name: string, cap: string) {
  return clients.cloudFormation.send(
    new CreateChangeSetCommand({
      StackName: STACK,
      ChangeSetName: name,
      UsePreviousTemplate: true,
      Parameters: scaleEdit({ AgentInstanceCap: cap }),
      Capabilities: JENKINS_CAPABILITIES,
    }),
  );
}

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 116 });
  clients = clientsFor(sandbox.url);
  stackId = (await deployJenkins(sandbox, clients, STACK)).StackId ?? '';
});
afterAll(() => sandbox.close());

describe('C16 concurrent operations and change sets that are not ready', () => {
  it('refuses a second operator while the first update runs, naming the stack ARN and status', async () => {
    await clients.cloudFormation.send(
      new UpdateStackCommand({
        StackName: STACK,
        UsePreviousTemplate: true,
        Parameters: scaleEdit({ AgentInstanceCap: '12' }),
        Capabilities: JENKINS_CAPABILITIES,
      }),
    );
    const [running] =
      (await clients.cloudFormation.send(new DescribeStacksCommand({ StackName: STACK }))).Stacks ??
      [];
    expect(running?.StackStatus).toBe('UPDATE_IN_PROGRESS');
    const expected = `Stack:${stackId} is in UPDATE_IN_PROGRESS state and can not be updated.`;
    const viaUpdate = await refusal(
      clients.cloudFormation.send(
        new UpdateStackCommand({
          StackName: STACK,
          UsePreviousTemplate: true,
          Parameters: scaleEdit({ AgentInstanceCap: '14' }),
          Capabilities: JENKINS_CAPABILITIES,
        }),
      ),
    );
    expect(viaUpdate.name).toBe('ValidationError');
    expect(viaUpdate.message).toBe(expected);
    expect(viaUpdate.$metadata.httpStatusCode).toBe(400);
    const viaChangeSet = await refusal(scaleChangeSet('other-tab', '14'));
    expect(viaChangeSet.name).toBe('ValidationError');
    expect(viaChangeSet.message).toBe(expected);
    expect((await settle(sandbox, clients.cloudFormation, STACK)).StackStatus).toBe(
      'UPDATE_COMPLETE',
    );
  });

  it('refuses to execute before the change set is ready with InvalidChangeSetStatus', async () => {
    const { Id } = await scaleChangeSet('scale-edit', '16');
    expect(Id).toMatch(/:changeSet\/scale-edit\//);
    const error = await refusal(
      clients.cloudFormation.send(
        new ExecuteChangeSetCommand({ StackName: STACK, ChangeSetName: 'scale-edit' }),
      ),
    );
    expect(error).toBeInstanceOf(InvalidChangeSetStatusException);
    expect(error.name).toBe('InvalidChangeSetStatusException');
    expect(error.message).toMatch(/CREATE_PENDING|CREATE_IN_PROGRESS/);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses re-creating a change set of the same name with AlreadyExistsException', async () => {
    const error = await refusal(scaleChangeSet('scale-edit', '16'));
    expect(error).toBeInstanceOf(AlreadyExistsException);
    expect(error.name).toBe('AlreadyExistsException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('executes the change set once it is CREATE_COMPLETE / AVAILABLE', async () => {
    await sandbox.control.advance(3_000);
    await clients.cloudFormation.send(
      new ExecuteChangeSetCommand({ StackName: STACK, ChangeSetName: 'scale-edit' }),
    );
    const stack = await settle(sandbox, clients.cloudFormation, STACK);
    expect(stack.StackStatus).toBe('UPDATE_COMPLETE');
    expect(stack.Parameters).toContainEqual({
      ParameterKey: 'AgentInstanceCap',
      ParameterValue: '16',
    });
  });
});
