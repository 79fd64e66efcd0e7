import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { refusal, settle } from '../sdk/support';
import { SMALL_PARAMETERS, SMALL_TEMPLATE, smallScaleEdit } from '../sdk/templates';
import { clientsFor, pausedSandbox } from '../support';

let sandbox: RunningSandbox;
let cfn: ReturnType<typeof clientsFor>['cloudFormation'];

function create(name: string) {
  return cfn.send(
    new CreateStackCommand({
      StackName: name,
      TemplateBody: SMALL_TEMPLATE,
      Parameters: SMALL_PARAMETERS,
    }),
  );
}

function update(name: string, cap: string) {
  return cfn.send(
    new UpdateStackCommand({
      StackName: name,
      UsePreviousTemplate: true,
      Parameters: smallScaleEdit(cap),
    }),
  );
}

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 119 });
  cfn = clientsFor(sandbox.url).cloudFormation;
});
afterAll(() => sandbox.close());

describe('C19 which actions each status allows', () => {
  it('ROLLBACK_COMPLETE: refuses updates, allows delete, then the same name can be created again', async () => {
    await sandbox.control.failResource({ stackName: 'first-failed', logicalId: 'Logs' });
    const { StackId } = await create('first-failed');
    expect((await settle(sandbox, cfn, 'first-failed')).StackStatus).toBe('ROLLBACK_COMPLETE');
    const error = await refusal(update('first-failed', '11'));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(
      `Stack:${StackId ?? ''} is in ROLLBACK_COMPLETE state and can not be updated.`,
    );
    await cfn.send(new DeleteStackCommand({ StackName: 'first-failed' }));
    expect((await settle(sandbox, cfn, StackId ?? '')).StackStatus).toBe('DELETE_COMPLETE');
    await create('first-failed');
    expect((await settle(sandbox, cfn, 'first-failed')).StackStatus).toBe('CREATE_COMPLETE');
  });

  it('UPDATE_ROLLBACK_COMPLETE: healthy, the next edit is accepted', async () => {
    await create('update-failed');
    await settle(sandbox, cfn, 'update-failed');
    await sandbox.control.failResource({ stackName: 'update-failed', logicalId: 'CapSetting' });
    await update('update-failed', '11');
    expect((await settle(sandbox, cfn, 'update-failed')).StackStatus).toBe(
      'UPDATE_ROLLBACK_COMPLETE',
    );
    await update('update-failed', '12');
    expect((await settle(sandbox, cfn, 'update-failed')).StackStatus).toBe('UPDATE_COMPLETE');
  });

  it('REVIEW_IN_PROGRESS: an unexecuted CREATE change set; UPDATE change sets see no stack, CREATE ones are allowed', async () => {
    const changeSet = (name: string, type: 'CREATE' | 'UPDATE') =>
      cfn.send(
        new CreateChangeSetCommand({
          StackName: 'pending',
          ChangeSetName: name,
          ChangeSetType: type,
          TemplateBody: SMALL_TEMPLATE,
          Parameters: SMALL_PARAMETERS,
        }),
      );
    const { Id } = await changeSet('launch-1', 'CREATE');
    const [stack] =
      (await cfn.send(new DescribeStacksCommand({ StackName: 'pending' }))).Stacks ?? [];
    expect(stack).toMatchObject({ StackStatus: 'REVIEW_IN_PROGRESS', ChangeSetId: Id });
    const asUpdate = await refusal(changeSet('launch-2', 'UPDATE'));
    expect(asUpdate.name).toBe('ValidationError');
    expect(asUpdate.message).toBe('Stack [pending] does not exist');
    const again = await changeSet('launch-2', 'CREATE');
    expect(again.Id).toMatch(/:changeSet\/launch-2\//);
  });

  it('DELETE_FAILED: refuses edits, and a retry that retains the failed resource deletes the stack', async () => {
    const { StackId } = await create('delete-failed');
    await settle(sandbox, cfn, 'delete-failed');
    await sandbox.control.failResource({ stackName: 'delete-failed', logicalId: 'Logs' });
    await cfn.send(new DeleteStackCommand({ StackName: 'delete-failed' }));
    expect((await settle(sandbox, cfn, 'delete-failed')).StackStatus).toBe('DELETE_FAILED');
    const error = await refusal(update('delete-failed', '11'));
    expect(error.message).toBe(
      `Stack:${StackId ?? ''} is in DELETE_FAILED state and can not be updated.`,
    );
    await cfn.send(
      new DeleteStackCommand({ StackName: 'delete-failed', RetainResources: ['Logs'] }),
    );
    expect((await settle(sandbox, cfn, StackId ?? '')).StackStatus).toBe('DELETE_COMPLETE');
  });
});
