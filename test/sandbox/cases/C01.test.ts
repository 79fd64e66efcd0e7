import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  ListChangeSetsCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { deployJenkins, JENKINS_CAPABILITIES, refusal, scaleEdit } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

const STACK = 'jenkins-ctl';
const NO_CHANGES =
  "The submitted information didn't contain changes. Submit different information to create a change set.";

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 101 });
  clients = clientsFor(sandbox.url);
  await deployJenkins(sandbox, clients, STACK);
});
afterAll(() => sandbox.close());

describe('C01 "No updates are to be performed" / empty change set', () => {
  it('answers an unchanged UpdateStack with ValidationError "No updates are to be performed."', async () => {
    const error = await refusal(
      clients.cloudFormation.send(
        new UpdateStackCommand({
          StackName: STACK,
          UsePreviousTemplate: true,
          Parameters: scaleEdit({}),
          Capabilities: JENKINS_CAPABILITIES,
        }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('No updates are to be performed.');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('ends an unchanged change set FAILED / UNAVAILABLE with the "didn\'t contain changes" reason, and lets it be deleted', async () => {
    await clients.cloudFormation.send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'dash-20240501-1012',
        ChangeSetType: 'UPDATE',
        UsePreviousTemplate: true,
        Parameters: scaleEdit({}),
        Capabilities: JENKINS_CAPABILITIES,
      }),
    );
    const describe = () =>
      clients.cloudFormation.send(
        new DescribeChangeSetCommand({ StackName: STACK, ChangeSetName: 'dash-20240501-1012' }),
      );
    expect(await describe()).toMatchObject({
      Status: 'CREATE_PENDING',
      ExecutionStatus: 'UNAVAILABLE',
    });
    await sandbox.control.advance(3_000);
    expect(await describe()).toMatchObject({
      Status: 'FAILED',
      ExecutionStatus: 'UNAVAILABLE',
      StatusReason: NO_CHANGES,
      Changes: [],
    });

    await clients.cloudFormation.send(
      new DeleteChangeSetCommand({ StackName: STACK, ChangeSetName: 'dash-20240501-1012' }),
    );
    const { Summaries } = await clients.cloudFormation.send(
      new ListChangeSetsCommand({ StackName: STACK }),
    );
    expect(Summaries).toEqual([]);
  });

  it('keeps a real template error an error, with its own reason (control)', async () => {
    const error = await refusal(
      clients.cloudFormation.send(
        new CreateChangeSetCommand({
          StackName: STACK,
          ChangeSetName: 'dash-broken',
          TemplateBody: JSON.stringify({
            Resources: {
              Setting: {
                Type: 'AWS::SSM::Parameter',
                Properties: { Type: 'String', Value: { 'Fn::GetAtt': ['Foo', 'Arn'] } },
              },
            },
          }),
        }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(
      'Template error: instance of Fn::GetAtt references undefined resource Foo',
    );
    expect(error.message).not.toContain("didn't contain changes");
  });
});
