import {
  ContinueUpdateRollbackCommand,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
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

function scaleUpdate(cap: string) {
  return clients.cloudFormation.send(
    new UpdateStackCommand({
      StackName: STACK,
      UsePreviousTemplate: true,
      Parameters: scaleEdit({ AgentInstanceCap: cap }),
      Capabilities: JENKINS_CAPABILITIES,
    }),
  );
}

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 118 });
  clients = clientsFor(sandbox.url);
  stackId = (await deployJenkins(sandbox, clients, STACK)).StackId ?? '';
  // The update fails, and so does putting the setting back.
  for (const reason of ['update failed', 'rollback failed']) {
    await sandbox.control.failResource({ stackName: STACK, logicalId: 'AgentCapSetting', reason });
  }
  await scaleUpdate('12');
});
afterAll(() => sandbox.close());

describe('C18 stack stuck in UPDATE_ROLLBACK_FAILED', () => {
  it('ends UPDATE_ROLLBACK_FAILED naming the resource, with its failure in the events', async () => {
    const stack = await settle(sandbox, clients.cloudFormation, STACK);
    expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_FAILED');
    expect(stack.StackStatusReason).toMatch(/AgentCapSetting/);
    const { StackEvents = [] } = await clients.cloudFormation.send(
      new DescribeStackEventsCommand({ StackName: STACK }),
    );
    expect(StackEvents[0]).toMatchObject({
      LogicalResourceId: STACK,
      ResourceStatus: 'UPDATE_ROLLBACK_FAILED',
    });
    expect(StackEvents).toContainEqual(
      expect.objectContaining({
        LogicalResourceId: 'AgentCapSetting',
        ResourceStatus: 'UPDATE_FAILED',
        ResourceStatusReason: 'rollback failed',
      }),
    );
  });

  it('refuses a scale edit, by update or change set, while stuck', async () => {
    const expected = `Stack:${stackId} is in UPDATE_ROLLBACK_FAILED state and can not be updated.`;
    const update = await refusal(scaleUpdate('14'));
    expect(update.name).toBe('ValidationError');
    expect(update.message).toBe(expected);
    const changeSet = await refusal(
      clients.cloudFormation.send(
        new CreateChangeSetCommand({
          StackName: STACK,
          ChangeSetName: 'cap-14',
          UsePreviousTemplate: true,
          Parameters: scaleEdit({ AgentInstanceCap: '14' }),
          Capabilities: JENKINS_CAPABILITIES,
        }),
      ),
    );
    expect(changeSet.message).toBe(expected);
  });

  it('refuses to skip a resource that is not in UPDATE_FAILED', async () => {
    const error = await refusal(
      clients.cloudFormation.send(
        new ContinueUpdateRollbackCommand({
          StackName: STACK,
          ResourcesToSkip: ['ControllerService'],
        }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('continues the rollback without skips to UPDATE_ROLLBACK_COMPLETE, after which edits work again', async () => {
    await clients.cloudFormation.send(
      new ContinueUpdateRollbackCommand({ StackName: STACK, ClientRequestToken: 'continue-1' }),
    );
    expect((await settle(sandbox, clients.cloudFormation, STACK)).StackStatus).toBe(
      'UPDATE_ROLLBACK_COMPLETE',
    );
    await clients.cloudFormation.send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'cap-14',
        UsePreviousTemplate: true,
        Parameters: scaleEdit({ AgentInstanceCap: '14' }),
        Capabilities: JENKINS_CAPABILITIES,
      }),
    );
    await sandbox.control.advance(3_000);
    const ready = await clients.cloudFormation.send(
      new DescribeChangeSetCommand({ StackName: STACK, ChangeSetName: 'cap-14' }),
    );
    expect(ready.Status).toBe('CREATE_COMPLETE');
  });
});
