import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStackResourceCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { settle } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  sandbox = await pausedSandbox();
  clients = clientsFor(sandbox.url);
});
afterAll(() => sandbox.close());

// Answers the way a custom resource's function must: a PUT of JSON to the ResponseURL with an
// empty Content-Type. Each request type leaves an SSM parameter behind, so the test sees that
// the function ran and that its SDK calls reached the sandbox.
const RECORDING_FUNCTION = `
const { SSMClient, PutParameterCommand } = require('@aws-sdk/client-ssm');
const ssm = new SSMClient({});
exports.handler = async (event) => {
  const name = event.ResourceProperties.Name;
  await ssm.send(new PutParameterCommand({
    Name: '/custom/' + event.LogicalResourceId + '/' + event.RequestType,
    Value: JSON.stringify({ name, old: event.OldResourceProperties?.Name ?? null, id: event.PhysicalResourceId ?? null, size: event.ResourceProperties.Size }),
    Type: 'String',
    Overwrite: true,
  }));
  const body = JSON.stringify({
    Status: 'SUCCESS',
    PhysicalResourceId: event.PhysicalResourceId ?? 'greeter-' + event.RequestId,
    StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId,
    Data: { Greeting: 'hello ' + name },
  });
  await fetch(event.ResponseURL, { method: 'PUT', body, headers: { 'content-type': '' } });
};`;

function template(code: string, properties: Record<string, unknown> = {}, runtime = 'nodejs24.x') {
  return JSON.stringify({
    Resources: {
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'lambda.amazonaws.com' },
                Action: 'sts:AssumeRole',
              },
            ],
          },
        },
      },
      Function: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Runtime: runtime,
          Handler: 'index.handler',
          Timeout: 30,
          Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
          Code: { ZipFile: code },
        },
      },
      Greeter: {
        Type: 'Custom::Greeter',
        Properties: {
          ServiceToken: { 'Fn::GetAtt': ['Function', 'Arn'] },
          Name: 'ada',
          Size: 3,
          ...properties,
        },
      },
    },
    Outputs: { Greeting: { Value: { 'Fn::GetAtt': ['Greeter', 'Greeting'] } } },
  });
}

async function recorded(path: string): Promise<Record<string, unknown>> {
  const answer = await clients.ssm.send(new GetParameterCommand({ Name: path }));
  return JSON.parse(answer.Parameter?.Value ?? '{}') as Record<string, unknown>;
}

async function failures(stackName: string): Promise<Record<string, string>> {
  const events = (
    await clients.cloudFormation.send(new DescribeStackEventsCommand({ StackName: stackName }))
  ).StackEvents;
  return Object.fromEntries(
    (events ?? [])
      .filter((event) => event.ResourceStatus === 'CREATE_FAILED')
      .map((event) => [event.LogicalResourceId ?? '', event.ResourceStatusReason ?? '']),
  );
}

async function created(stackName: string, body: string) {
  await clients.cloudFormation.send(
    new CreateStackCommand({
      StackName: stackName,
      TemplateBody: body,
      Capabilities: ['CAPABILITY_IAM'],
    }),
  );
  return settle(sandbox, clients.cloudFormation, stackName);
}

describe('Lambda-backed custom resources', () => {
  it('runs the function on create, update and delete, and takes its answer as the resource', async () => {
    const stack = await created('greeter', template(RECORDING_FUNCTION));
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(stack.Outputs).toContainEqual(
      expect.objectContaining({ OutputKey: 'Greeting', OutputValue: 'hello ada' }),
    );
    // Properties arrive as strings, as CloudFormation sends them.
    expect(await recorded('/custom/Greeter/Create')).toEqual({
      name: 'ada',
      old: null,
      id: null,
      size: '3',
    });
    const physicalId = (
      await clients.cloudFormation.send(
        new DescribeStackResourceCommand({ StackName: 'greeter', LogicalResourceId: 'Greeter' }),
      )
    ).StackResourceDetail?.PhysicalResourceId;
    expect(physicalId).toMatch(/^greeter-[0-9a-f-]{36}$/);

    await clients.cloudFormation.send(
      new UpdateStackCommand({
        StackName: 'greeter',
        TemplateBody: template(RECORDING_FUNCTION, { Name: 'grace' }),
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
    const updated = await settle(sandbox, clients.cloudFormation, 'greeter');
    expect(updated.StackStatus).toBe('UPDATE_COMPLETE');
    expect(updated.Outputs?.[0]?.OutputValue).toBe('hello grace');
    expect(await recorded('/custom/Greeter/Update')).toMatchObject({
      name: 'grace',
      old: 'ada',
      id: physicalId,
    });

    const stackId = updated.StackId ?? '';
    await clients.cloudFormation.send(new DeleteStackCommand({ StackName: 'greeter' }));
    expect((await settle(sandbox, clients.cloudFormation, stackId)).StackStatus).toBe(
      'DELETE_COMPLETE',
    );
    expect(await recorded('/custom/Greeter/Delete')).toMatchObject({ id: physicalId });
  });

  it('fails the resource with the reason the function sends, and rolls back', async () => {
    // The rollback sends the failed resource a Delete, which it must answer too.
    const refusing = `exports.handler = async (event) => {
      const failed = event.RequestType === 'Create';
      await fetch(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '' }, body: JSON.stringify({
        Status: failed ? 'FAILED' : 'SUCCESS', Reason: 'no greetings today', PhysicalResourceId: 'x',
        StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId }) });
    };`;
    const stack = await created('refusing', template(refusing));
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect((await failures('refusing')).Greeter).toMatch(
      /^Received response status \[FAILED\] from custom resource\. Message returned: no greetings today \(RequestId: [0-9a-f-]{36}\)$/,
    );
  });

  it('fails a rollback whose Delete the function fails too, as AWS does', async () => {
    const alwaysFailing = `exports.handler = async (event) => {
      await fetch(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '' }, body: JSON.stringify({
        Status: 'FAILED', Reason: 'cannot ' + event.RequestType, PhysicalResourceId: 'x',
        StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId }) });
    };`;
    const stack = await created('stubborn', template(alwaysFailing));
    expect(stack.StackStatus).toBe('ROLLBACK_FAILED');
    const events = (
      await clients.cloudFormation.send(new DescribeStackEventsCommand({ StackName: 'stubborn' }))
    ).StackEvents;
    expect(
      events?.find(
        (event) =>
          event.LogicalResourceId === 'Greeter' && event.ResourceStatus === 'DELETE_FAILED',
      )?.ResourceStatusReason,
    ).toMatch(/Message returned: cannot Delete/);
  });

  it('fails the resource when the function throws instead of answering', async () => {
    const throwing = `exports.handler = async (event) => {
      if (event.RequestType === 'Create') throw new Error('boom');
      await fetch(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '' }, body: JSON.stringify({
        Status: 'SUCCESS', PhysicalResourceId: event.PhysicalResourceId,
        StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId }) });
    };`;
    const stack = await created('throwing', template(throwing));
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect((await failures('throwing')).Greeter).toMatch(
      /^The custom resource's function failed without answering: Error: boom/,
    );
  });

  it('refuses an answer sent with a Content-Type the response URL was not signed for', async () => {
    const typed = `exports.handler = async (event) => {
      const answer = await fetch(event.ResponseURL, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({
        Status: 'SUCCESS', PhysicalResourceId: 'x',
        StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId }) });
      if (!answer.ok) throw new Error('response URL answered ' + answer.status + ': ' + await answer.text());
    };`;
    await created('typed', template(typed));
    expect((await failures('typed')).Greeter).toMatch(/answered 403: .*SignatureDoesNotMatch/s);
  });

  it('says the sandbox runs only inline Node.js functions', async () => {
    const stack = await created('python', template('def handler(e, c): pass', {}, 'python3.13'));
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect((await failures('python')).Function).toBe(
      "The sandbox runs only Node.js functions with inline code (Code.ZipFile); got runtime 'python3.13'.",
    );
  });
});
