import { CreateChangeSetCommand, DescribeChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { DescribeKeyPairsCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { refusal, regionalClients } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

/** A template that takes an existing key pair, as templates launched from the wizard may. */
const KEY_PAIR_TEMPLATE = `
Parameters:
  AgentKeyName: {Type: 'AWS::EC2::KeyPair::KeyName'}
Resources:
  AgentKeyNameSetting:
    Type: AWS::SSM::Parameter
    Properties: {Type: String, Name: /jenkins-ctl/agent-key-name, Value: !Ref AgentKeyName}
`;

const OPTIONAL_KEY = `
Parameters:
  BastionKeyName: {Type: String, Default: ''}
Conditions:
  HasBastionKey: !Not [!Equals [!Ref BastionKeyName, '']]
Resources:
  Always:
    Type: AWS::SSM::Parameter
    Properties: {Type: String, Name: /jenkins-ctl/always, Value: 'on'}
  BastionKey:
    Type: AWS::SSM::Parameter
    Condition: HasBastionKey
    Properties: {Type: String, Name: /jenkins-ctl/bastion-key, Value: !Ref BastionKeyName}
`;

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;

async function launch(keyName: string, region?: string) {
  const scoped = region === undefined ? clients : regionalClients(sandbox.url, region);
  return scoped.cloudFormation.send(
    new CreateChangeSetCommand({
      StackName: 'jenkins-ctl',
      ChangeSetName: 'launch',
      ChangeSetType: 'CREATE',
      TemplateBody: KEY_PAIR_TEMPLATE,
      Parameters: [{ ParameterKey: 'AgentKeyName', ParameterValue: keyName }],
    }),
  );
}

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 111 });
  clients = clientsFor(sandbox.url);
});
afterAll(() => sandbox.close());

describe('C11 AWS::EC2::KeyPair::KeyName must name an existing key pair', () => {
  it('refuses a key pair that is not in the region', async () => {
    const error = await refusal(launch('build-key'));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(
      'Parameter validation failed: parameter value build-key for parameter name AgentKeyName does not exist.',
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses an empty key name', async () => {
    const error = await refusal(launch(''));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(/parameter name AgentKeyName does not exist/);
  });

  it('refuses the seeded key in a region whose key pairs are gone, where DescribeKeyPairs is empty', async () => {
    const region = 'eu-central-1';
    const regional = regionalClients(sandbox.url, region);
    await regional.ec2.send(new DescribeKeyPairsCommand({}));
    sandbox.world.region(region).keyPairs = {};
    expect((await regional.ec2.send(new DescribeKeyPairsCommand({}))).KeyPairs).toEqual([]);
    const error = await refusal(launch('jenkins-agents', region));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(/jenkins-agents for parameter name AgentKeyName does not exist/);
  });

  it('accepts the existing key pair', async () => {
    await launch('jenkins-agents');
    await sandbox.control.advance(3_000);
    const changeSet = await clients.cloudFormation.send(
      new DescribeChangeSetCommand({ StackName: 'jenkins-ctl', ChangeSetName: 'launch' }),
    );
    expect(changeSet.Status).toBe('CREATE_COMPLETE');
  });

  it('allows an empty value for the String variant with a Condition', async () => {
    await clients.cloudFormation.send(
      new CreateChangeSetCommand({
        StackName: 'bastion',
        ChangeSetName: 'launch',
        ChangeSetType: 'CREATE',
        TemplateBody: OPTIONAL_KEY,
      }),
    );
    await sandbox.control.advance(3_000);
    const changeSet = await clients.cloudFormation.send(
      new DescribeChangeSetCommand({ StackName: 'bastion', ChangeSetName: 'launch' }),
    );
    expect(changeSet.Status).toBe('CREATE_COMPLETE');
    expect(changeSet.Changes?.map((change) => change.ResourceChange?.LogicalResourceId)).toEqual([
      'Always',
    ]);
  });
});
