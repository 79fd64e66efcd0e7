import {
  AlreadyExistsException,
  ChangeSetNotFoundException,
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  InsufficientCapabilitiesException,
  InvalidChangeSetStatusException,
  ListChangeSetsCommand,
  TokenAlreadyExistsException,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from '../support';
import { refusal, settle } from './support';
import { SMALL_PARAMETERS, SMALL_TEMPLATE, smallScaleEdit } from './templates';

let sandbox: RunningSandbox;
let cfn: ReturnType<typeof clientsFor>['cloudFormation'];

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 33 });
  cfn = clientsFor(sandbox.url).cloudFormation;
  await cfn.send(
    new CreateStackCommand({
      StackName: 'sdk-cs',
      TemplateBody: SMALL_TEMPLATE,
      Parameters: SMALL_PARAMETERS,
    }),
  );
  await settle(sandbox, cfn, 'sdk-cs');
});
afterAll(() => sandbox.close());

function scaleChangeSet(name: string, cap: string) {
  return new CreateChangeSetCommand({
    StackName: 'sdk-cs',
    ChangeSetName: name,
    ChangeSetType: 'UPDATE',
    UsePreviousTemplate: true,
    Parameters: smallScaleEdit(cap),
    Description: `cap ${cap}`,
  });
}

describe('CreateChangeSet and DescribeChangeSet through the SDK', () => {
  it('answers the change set ARN, then goes CREATE_PENDING to CREATE_COMPLETE with its changes', async () => {
    const { Id, StackId } = await cfn.send(scaleChangeSet('cap-20', '20'));
    expect(Id).toMatch(/^arn:aws:cloudformation:eu-west-1:123456789012:changeSet\/cap-20\/\S+$/);
    expect(StackId).toMatch(/:stack\/sdk-cs\//);
    const pending = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }));
    expect(pending).toMatchObject({ Status: 'CREATE_PENDING', ExecutionStatus: 'UNAVAILABLE' });
    expect(pending.Changes).toEqual([]);

    await sandbox.control.advance(3_000);
    const ready = await cfn.send(
      new DescribeChangeSetCommand({ StackName: 'sdk-cs', ChangeSetName: 'cap-20' }),
    );
    expect(ready).toMatchObject({
      ChangeSetName: 'cap-20',
      Description: 'cap 20',
      Status: 'CREATE_COMPLETE',
      ExecutionStatus: 'AVAILABLE',
    });
    expect(ready.CreationTime).toBeInstanceOf(Date);
    expect(ready.Parameters).toContainEqual({ ParameterKey: 'Password', ParameterValue: '****' });
    expect(ready.Changes).toEqual([
      {
        Type: 'Resource',
        ResourceChange: expect.objectContaining({
          Action: 'Modify',
          LogicalResourceId: 'CapSetting',
          PhysicalResourceId: '/sdk/sdk-cs/cap',
          ResourceType: 'AWS::SSM::Parameter',
          Replacement: 'False',
          Scope: ['Properties'],
        }),
      },
    ]);
  });

  it('refuses a second change set of the same name with AlreadyExistsException', async () => {
    const error = await refusal(cfn.send(scaleChangeSet('cap-20', '21')));
    expect(error).toBeInstanceOf(AlreadyExistsException);
    expect(error.name).toBe('AlreadyExistsException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses missing IAM capabilities with InsufficientCapabilitiesException', async () => {
    const error = await refusal(
      cfn.send(
        new CreateChangeSetCommand({
          StackName: 'sdk-cs',
          ChangeSetName: 'with-role',
          TemplateBody: JSON.stringify({
            Resources: {
              Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
            },
          }),
        }),
      ),
    );
    expect(error).toBeInstanceOf(InsufficientCapabilitiesException);
    expect(error.message).toBe('Requires capabilities : [CAPABILITY_IAM]');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses an UPDATE change set for a stack that does not exist with ValidationError', async () => {
    const error = await refusal(
      cfn.send(
        new CreateChangeSetCommand({
          StackName: 'sdk-nope',
          ChangeSetName: 'x',
          TemplateBody: SMALL_TEMPLATE,
        }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Stack [sdk-nope] does not exist');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses an unknown change set with ChangeSetNotFoundException', async () => {
    const error = await refusal(
      cfn.send(new DescribeChangeSetCommand({ StackName: 'sdk-cs', ChangeSetName: 'nope' })),
    );
    expect(error).toBeInstanceOf(ChangeSetNotFoundException);
    expect(error.name).toBe('ChangeSetNotFoundException');
    expect(error.message).toBe('ChangeSet [nope] does not exist');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });
});

describe('ListChangeSets and DeleteChangeSet through the SDK', () => {
  it('pages the change sets of a stack with NextToken', async () => {
    for (let index = 0; index < 100; index++) {
      await cfn.send(scaleChangeSet(`many-${index}`, String(100 + index)));
    }
    const first = await cfn.send(new ListChangeSetsCommand({ StackName: 'sdk-cs' }));
    expect(first.Summaries).toHaveLength(100);
    expect(first.Summaries?.[0]).toMatchObject({
      ChangeSetName: 'cap-20',
      StackName: 'sdk-cs',
      Status: 'CREATE_COMPLETE',
      ExecutionStatus: 'AVAILABLE',
    });
    const second = await cfn.send(
      new ListChangeSetsCommand({ StackName: 'sdk-cs', NextToken: first.NextToken }),
    );
    expect(second.Summaries?.map((summary) => summary.ChangeSetName)).toEqual(['many-99']);
    expect(second.NextToken).toBeUndefined();
  });

  it('deletes a change set by name or ARN, and then no longer finds it', async () => {
    await cfn.send(new DeleteChangeSetCommand({ StackName: 'sdk-cs', ChangeSetName: 'many-0' }));
    const listed = await cfn.send(new ListChangeSetsCommand({ StackName: 'sdk-cs' }));
    const arn = listed.Summaries?.find(
      (summary) => summary.ChangeSetName === 'many-1',
    )?.ChangeSetId;
    await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: arn }));
    const names = (
      await cfn.send(new ListChangeSetsCommand({ StackName: 'sdk-cs' }))
    ).Summaries?.map((summary) => summary.ChangeSetName);
    expect(names).not.toContain('many-0');
    expect(names).not.toContain('many-1');
    const error = await refusal(
      cfn.send(new DeleteChangeSetCommand({ StackName: 'sdk-cs', ChangeSetName: 'many-0' })),
    );
    expect(error).toBeInstanceOf(ChangeSetNotFoundException);
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('refuses to list the change sets of a stack that does not exist with ValidationError', async () => {
    const error = await refusal(cfn.send(new ListChangeSetsCommand({ StackName: 'sdk-nope' })));
    expect(error.name).toBe('ValidationError');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe('ExecuteChangeSet through the SDK', () => {
  it('refuses a change set that is not ready with InvalidChangeSetStatusException', async () => {
    await cfn.send(scaleChangeSet('cap-30', '30'));
    const error = await refusal(
      cfn.send(new ExecuteChangeSetCommand({ StackName: 'sdk-cs', ChangeSetName: 'cap-30' })),
    );
    expect(error).toBeInstanceOf(InvalidChangeSetStatusException);
    expect(error.name).toBe('InvalidChangeSetStatusException');
    expect(error.message).toMatch(/cannot be executed in its current status of \[CREATE_PENDING\]/);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('executes a ready change set, drops the others, and refuses to delete it while it runs', async () => {
    await sandbox.control.advance(3_000);
    await cfn.send(
      new ExecuteChangeSetCommand({
        StackName: 'sdk-cs',
        ChangeSetName: 'cap-30',
        ClientRequestToken: 'exec-1',
      }),
    );
    const running = await refusal(
      cfn.send(new DeleteChangeSetCommand({ StackName: 'sdk-cs', ChangeSetName: 'cap-30' })),
    );
    expect(running).toBeInstanceOf(InvalidChangeSetStatusException);
    expect(running.$metadata.httpStatusCode).toBe(400);

    const stack = await settle(sandbox, cfn, 'sdk-cs');
    expect(stack.StackStatus).toBe('UPDATE_COMPLETE');
    expect(stack.Parameters).toContainEqual({ ParameterKey: 'Cap', ParameterValue: '30' });
    const { Summaries } = await cfn.send(new ListChangeSetsCommand({ StackName: 'sdk-cs' }));
    expect(Summaries?.map((summary) => [summary.ChangeSetName, summary.ExecutionStatus])).toEqual([
      ['cap-30', 'EXECUTE_COMPLETE'],
    ]);
    const superseded = await refusal(
      cfn.send(new ExecuteChangeSetCommand({ StackName: 'sdk-cs', ChangeSetName: 'cap-20' })),
    );
    expect(superseded).toBeInstanceOf(ChangeSetNotFoundException);
  });

  it('refuses a request token reused for another change set with TokenAlreadyExistsException', async () => {
    await cfn.send(scaleChangeSet('cap-40', '40'));
    await sandbox.control.advance(3_000);
    const error = await refusal(
      cfn.send(
        new ExecuteChangeSetCommand({
          StackName: 'sdk-cs',
          ChangeSetName: 'cap-40',
          ClientRequestToken: 'exec-1',
        }),
      ),
    );
    expect(error).toBeInstanceOf(TokenAlreadyExistsException);
    expect(error.$metadata.httpStatusCode).toBe(400);
    const [stack] =
      (await cfn.send(new DescribeStacksCommand({ StackName: 'sdk-cs' }))).Stacks ?? [];
    expect(stack?.StackStatus).toBe('UPDATE_COMPLETE');
  });
});
