import {
  AlreadyExistsException,
  CancelUpdateStackCommand,
  ContinueUpdateRollbackCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  InsufficientCapabilitiesException,
  TokenAlreadyExistsException,
  UpdateStackCommand,
  UpdateTerminationProtectionCommand,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from '../support';
import { JENKINS_TEMPLATE, jenkinsParameters, refusal, settle } from './support';
import { SMALL_PARAMETERS, SMALL_TEMPLATE, smallScaleEdit } from './templates';

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;
let cfn: ReturnType<typeof clientsFor>['cloudFormation'];

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 31 });
  clients = clientsFor(sandbox.url);
  cfn = clients.cloudFormation;
});
afterAll(() => sandbox.close());

async function createSmall(name: string, token?: string): Promise<string> {
  const { StackId } = await cfn.send(
    new CreateStackCommand({
      StackName: name,
      TemplateBody: SMALL_TEMPLATE,
      Parameters: SMALL_PARAMETERS,
      ClientRequestToken: token,
    }),
  );
  await settle(sandbox, cfn, name);
  return StackId ?? '';
}

describe('CreateStack through the SDK', () => {
  it('answers the stack ARN and creates the stack', async () => {
    const id = await createSmall('sdk-create', 'create-1');
    expect(id).toMatch(/^arn:aws:cloudformation:eu-west-1:123456789012:stack\/sdk-create\/\S+$/);
    const [stack] = (await cfn.send(new DescribeStacksCommand({ StackName: id }))).Stacks ?? [];
    expect(stack).toMatchObject({ StackName: 'sdk-create', StackStatus: 'CREATE_COMPLETE' });
  });

  it('refuses a second stack of the same name with AlreadyExistsException', async () => {
    const error = await refusal(
      cfn.send(
        new CreateStackCommand({
          StackName: 'sdk-create',
          TemplateBody: SMALL_TEMPLATE,
          Parameters: SMALL_PARAMETERS,
        }),
      ),
    );
    expect(error).toBeInstanceOf(AlreadyExistsException);
    expect(error.name).toBe('AlreadyExistsException');
    expect(error.message).toBe('Stack [sdk-create] already exists');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses the Jenkins template without CAPABILITY_IAM, naming the capability', async () => {
    const error = await refusal(
      cfn.send(
        new CreateStackCommand({
          StackName: 'sdk-iam',
          TemplateBody: JENKINS_TEMPLATE,
          Parameters: await jenkinsParameters(clients.ec2),
        }),
      ),
    );
    expect(error).toBeInstanceOf(InsufficientCapabilitiesException);
    expect(error.message).toBe('Requires capabilities : [CAPABILITY_IAM]');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses a missing required parameter with ValidationError', async () => {
    const error = await refusal(
      cfn.send(new CreateStackCommand({ StackName: 'sdk-nopass', TemplateBody: SMALL_TEMPLATE })),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Parameters: [Password] must have values');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe('UpdateStack through the SDK', () => {
  it('updates the stack and stamps its events with the request token', async () => {
    await cfn.send(
      new UpdateStackCommand({
        StackName: 'sdk-create',
        UsePreviousTemplate: true,
        Parameters: smallScaleEdit('20'),
        ClientRequestToken: 'update-1',
      }),
    );
    const stack = await settle(sandbox, cfn, 'sdk-create');
    expect(stack.StackStatus).toBe('UPDATE_COMPLETE');
    expect(stack.LastUpdatedTime).toBeInstanceOf(Date);
    expect(stack.Parameters).toContainEqual({ ParameterKey: 'Cap', ParameterValue: '20' });
    expect(stack.Parameters).toContainEqual({ ParameterKey: 'Password', ParameterValue: '****' });
    const { StackEvents } = await cfn.send(
      new DescribeStackEventsCommand({ StackName: 'sdk-create' }),
    );
    expect(StackEvents?.[0]).toMatchObject({
      LogicalResourceId: 'sdk-create',
      ResourceStatus: 'UPDATE_COMPLETE',
      ClientRequestToken: 'update-1',
    });
  });

  it('refuses a token already used for a different request with TokenAlreadyExistsException', async () => {
    const error = await refusal(
      cfn.send(
        new UpdateStackCommand({
          StackName: 'sdk-create',
          UsePreviousTemplate: true,
          Parameters: smallScaleEdit('30'),
          ClientRequestToken: 'create-1',
        }),
      ),
    );
    expect(error).toBeInstanceOf(TokenAlreadyExistsException);
    expect(error.name).toBe('TokenAlreadyExistsException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses an update of a stack that does not exist with ValidationError', async () => {
    const error = await refusal(
      cfn.send(new UpdateStackCommand({ StackName: 'sdk-nope', UsePreviousTemplate: true })),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Stack with id sdk-nope does not exist');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe('CancelUpdateStack through the SDK', () => {
  it('rolls an update in progress back, with the cancel request token on the rollback events', async () => {
    await cfn.send(
      new UpdateStackCommand({
        StackName: 'sdk-create',
        UsePreviousTemplate: true,
        Parameters: smallScaleEdit('40'),
        ClientRequestToken: 'update-2',
      }),
    );
    await cfn.send(
      new CancelUpdateStackCommand({ StackName: 'sdk-create', ClientRequestToken: 'cancel-1' }),
    );
    const stack = await settle(sandbox, cfn, 'sdk-create');
    expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(stack.Parameters).toContainEqual({ ParameterKey: 'Cap', ParameterValue: '20' });
    const { StackEvents = [] } = await cfn.send(
      new DescribeStackEventsCommand({ StackName: 'sdk-create' }),
    );
    const rollback = StackEvents.find(
      (event) => event.ResourceStatus === 'UPDATE_ROLLBACK_IN_PROGRESS',
    );
    expect(rollback).toMatchObject({
      LogicalResourceId: 'sdk-create',
      ClientRequestToken: 'cancel-1',
      ResourceStatusReason: 'Resource update cancelled',
    });
  });

  it('refuses to cancel when no update is in progress with ValidationError', async () => {
    const error = await refusal(
      cfn.send(new CancelUpdateStackCommand({ StackName: 'sdk-create' })),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('CancelUpdateStack cannot be called from current stack status');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe('ContinueUpdateRollback through the SDK', () => {
  it('refuses a stack that is not in UPDATE_ROLLBACK_FAILED with ValidationError', async () => {
    const error = await refusal(
      cfn.send(new ContinueUpdateRollbackCommand({ StackName: 'sdk-create' })),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('ContinueUpdateRollback cannot be called from current stack status');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('continues a failed rollback, skipping only a resource that failed', async () => {
    await createSmall('sdk-stuck');
    for (const reason of ['update failed', 'rollback failed']) {
      await sandbox.control.failResource({
        stackName: 'sdk-stuck',
        logicalId: 'CapSetting',
        reason,
      });
    }
    await cfn.send(
      new UpdateStackCommand({
        StackName: 'sdk-stuck',
        UsePreviousTemplate: true,
        Parameters: smallScaleEdit('15'),
      }),
    );
    expect((await settle(sandbox, cfn, 'sdk-stuck')).StackStatus).toBe('UPDATE_ROLLBACK_FAILED');

    const wrongSkip = await refusal(
      cfn.send(
        new ContinueUpdateRollbackCommand({ StackName: 'sdk-stuck', ResourcesToSkip: ['Logs'] }),
      ),
    );
    expect(wrongSkip.name).toBe('ValidationError');
    expect(wrongSkip.$metadata.httpStatusCode).toBe(400);

    await cfn.send(
      new ContinueUpdateRollbackCommand({
        StackName: 'sdk-stuck',
        ResourcesToSkip: ['CapSetting'],
        ClientRequestToken: 'continue-1',
      }),
    );
    expect((await settle(sandbox, cfn, 'sdk-stuck')).StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
  });
});

describe('UpdateTerminationProtection and DeleteStack through the SDK', () => {
  it('protects a stack from deletion until protection is lifted', async () => {
    const id = await createSmall('sdk-delete');
    const { StackId } = await cfn.send(
      new UpdateTerminationProtectionCommand({
        StackName: 'sdk-delete',
        EnableTerminationProtection: true,
      }),
    );
    expect(StackId).toBe(id);
    const [protectedStack] =
      (await cfn.send(new DescribeStacksCommand({ StackName: 'sdk-delete' }))).Stacks ?? [];
    expect(protectedStack?.EnableTerminationProtection).toBe(true);

    const refused = await refusal(cfn.send(new DeleteStackCommand({ StackName: 'sdk-delete' })));
    expect(refused.name).toBe('ValidationError');
    expect(refused.message).toBe(
      'Stack [sdk-delete] cannot be deleted while TerminationProtection is enabled',
    );
    expect(refused.$metadata.httpStatusCode).toBe(400);

    await cfn.send(
      new UpdateTerminationProtectionCommand({
        StackName: 'sdk-delete',
        EnableTerminationProtection: false,
      }),
    );
    await cfn.send(
      new DeleteStackCommand({ StackName: 'sdk-delete', ClientRequestToken: 'del-1' }),
    );
    const deleted = await settle(sandbox, cfn, id);
    expect(deleted.StackStatus).toBe('DELETE_COMPLETE');
    expect(deleted.DeletionTime).toBeInstanceOf(Date);

    const gone = await refusal(cfn.send(new DescribeStacksCommand({ StackName: 'sdk-delete' })));
    expect(gone.message).toBe('Stack with id sdk-delete does not exist');
  });

  it('refuses protection for a stack that does not exist with ValidationError', async () => {
    const error = await refusal(
      cfn.send(
        new UpdateTerminationProtectionCommand({
          StackName: 'sdk-nope',
          EnableTerminationProtection: true,
        }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Stack with id sdk-nope does not exist');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('answers success for deleting a stack that does not exist, as AWS does', async () => {
    const answer = await cfn.send(new DeleteStackCommand({ StackName: 'sdk-never-was' }));
    expect(answer.$metadata.httpStatusCode).toBe(200);
  });
});
