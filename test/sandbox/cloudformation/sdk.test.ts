import {
  AlreadyExistsException,
  ChangeSetNotFoundException,
  CloudFormationClient,
  CreateChangeSetCommand,
  CreateStackCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  InsufficientCapabilitiesException,
  InvalidChangeSetStatusException,
  paginateDescribeStackEvents,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudFormation } from '@/sandbox/cloudformation';
import { FaultInjector } from '@/sandbox/evidence/faults';
import { RequestLog } from '@/sandbox/evidence/request-log';
import { dispatchAwsCall } from '@/sandbox/server/dispatch';
import { closeServer, createSandboxServer, listen } from '@/sandbox/server/http';
import { AMI_PATH, previousValues, SCALE_PARAMETERS, SCALE_TEMPLATE } from './fixtures';
import { ACCOUNT, FakeClock, REGION } from './harness';

// The engine behind the sandbox's real HTTP dispatcher, reached by the unchanged SDK client,
// so that error codes and shapes are checked the way the dashboard will meet them.
const clock = new FakeClock();
const cloudFormation = createCloudFormation({
  clock,
  providers: new Map(),
  accountId: ACCOUNT,
  ssmParameter: (_region, name) => (name === AMI_PATH ? 'ami-1' : undefined),
  resourceExists: () => true,
  availabilityZones: (region) => [`${region}a`, `${region}b`],
  state: {},
});
let server: Server;
let client: CloudFormationClient;

beforeAll(async () => {
  server = createSandboxServer([
    (request) =>
      dispatchAwsCall(
        {
          services: new Map([['cloudformation', cloudFormation.service]]),
          accountId: ACCOUNT,
          faults: new FaultInjector(1),
          requests: new RequestLog(),
          simulatedNow: () => clock.now(),
        },
        request,
      ),
  ]);
  const port = await listen(server, 0);
  client = new CloudFormationClient({
    region: REGION,
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await closeServer(server);
});

async function refusedBy(
  promise: Promise<unknown>,
): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to be refused');
}

describe('CloudFormation through the SDK client', () => {
  it('maps a missing stack to ValidationError with AWS wording', async () => {
    const error = await refusedBy(client.send(new DescribeStacksCommand({ StackName: 'nope' })));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe('Stack with id nope does not exist');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('creates a stack, masks NoEcho values and pages events', async () => {
    await client.send(
      new CreateStackCommand({
        StackName: 'jenkins-ctl',
        TemplateBody: SCALE_TEMPLATE,
        Parameters: SCALE_PARAMETERS,
        ClientRequestToken: 'dash-1',
      }),
    );
    clock.advance(60_000);
    const { Stacks } = await client.send(new DescribeStacksCommand({ StackName: 'jenkins-ctl' }));
    expect(Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
    expect(Stacks?.[0]?.Parameters).toContainEqual({
      ParameterKey: 'AdminPassword',
      ParameterValue: '****',
    });
    expect(Stacks?.[0]?.CreationTime).toBeInstanceOf(Date);
    const events = [];
    for await (const page of paginateDescribeStackEvents(
      { client },
      { StackName: 'jenkins-ctl' },
    )) {
      events.push(...(page.StackEvents ?? []));
    }
    expect(events[0]).toMatchObject({
      ResourceStatus: 'CREATE_COMPLETE',
      ClientRequestToken: 'dash-1',
    });
  });

  it('maps change-set refusals to the SDK named exceptions', async () => {
    await client.send(
      new CreateChangeSetCommand({
        StackName: 'jenkins-ctl',
        ChangeSetName: 'scale-1',
        UsePreviousTemplate: true,
        Parameters: previousValues({ AgentInstanceCap: '20' }).map((parameter) => ({
          ...parameter,
          UsePreviousValue: parameter.UsePreviousValue === 'true' ? true : undefined,
        })),
      }),
    );
    const early = await refusedBy(
      client.send(
        new ExecuteChangeSetCommand({ StackName: 'jenkins-ctl', ChangeSetName: 'scale-1' }),
      ),
    );
    expect(early).toBeInstanceOf(InvalidChangeSetStatusException);
    const twice = await refusedBy(
      client.send(
        new CreateChangeSetCommand({
          StackName: 'jenkins-ctl',
          ChangeSetName: 'scale-1',
          UsePreviousTemplate: true,
        }),
      ),
    );
    expect(twice).toBeInstanceOf(AlreadyExistsException);
    const missing = await refusedBy(
      client.send(
        new DescribeChangeSetCommand({ StackName: 'jenkins-ctl', ChangeSetName: 'other' }),
      ),
    );
    expect(missing).toBeInstanceOf(ChangeSetNotFoundException);

    clock.advance(3_000);
    const described = await client.send(
      new DescribeChangeSetCommand({ StackName: 'jenkins-ctl', ChangeSetName: 'scale-1' }),
    );
    expect(described.Changes?.[0]?.ResourceChange).toMatchObject({
      Action: 'Modify',
      LogicalResourceId: 'AgentCap',
      Replacement: 'False',
      Details: [
        {
          ChangeSource: 'ParameterReference',
          CausingEntity: 'AgentInstanceCap',
          Target: { Name: 'Value', RequiresRecreation: 'Never' },
        },
      ],
    });
  });

  it('maps missing capabilities and no-op updates', async () => {
    const iam = JSON.stringify({
      Resources: {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: { RoleName: 'x', AssumeRolePolicyDocument: {} },
        },
      },
    });
    const capabilities = await refusedBy(
      client.send(new CreateStackCommand({ StackName: 'iam', TemplateBody: iam })),
    );
    expect(capabilities).toBeInstanceOf(InsufficientCapabilitiesException);
    expect(capabilities.message).toBe('Requires capabilities : [CAPABILITY_NAMED_IAM]');
    const noop = await refusedBy(
      client.send(
        new UpdateStackCommand({
          StackName: 'jenkins-ctl',
          UsePreviousTemplate: true,
          Parameters: previousValues().map((parameter) => ({
            ParameterKey: parameter.ParameterKey,
            UsePreviousValue: true,
          })),
        }),
      ),
    );
    expect(noop.name).toBe('ValidationError');
    expect(noop.message).toBe('No updates are to be performed.');
  });
});
