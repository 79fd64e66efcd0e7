import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  type Parameter,
} from '@aws-sdk/client-cloudformation';
import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { refusal, settle } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

const TEMPLATE = `
Parameters:
  AlbSubnets: {Type: 'List<AWS::EC2::Subnet::Id>', Description: Subnets for the load balancer}
  ExtraCidrs: {Type: CommaDelimitedList, Default: ''}
Resources:
  Subnets:
    Type: AWS::SSM::Parameter
    Properties: {Type: String, Name: !Sub '/\${AWS::StackName}/subnets', Value: !Join [' ', !Ref AlbSubnets]}
`;

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;
let subnets: string[];

function createWith(stackName: string, value: string, extra: Parameter[] = []) {
  return clients.cloudFormation.send(
    new CreateChangeSetCommand({
      StackName: stackName,
      ChangeSetName: 'launch',
      ChangeSetType: 'CREATE',
      TemplateBody: TEMPLATE,
      Parameters: [{ ParameterKey: 'AlbSubnets', ParameterValue: value }, ...extra],
    }),
  );
}

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 105 });
  clients = clientsFor(sandbox.url);
  const answer = await clients.ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: 'tag:Name', Values: ['sandbox-public-*'] }] }),
  );
  subnets = (answer.Subnets ?? []).map((subnet) => subnet.SubnetId ?? '');
});
afterAll(() => sandbox.close());

describe('C05 list parameters go out as one comma-joined string', () => {
  it('accepts the subnets as one comma-joined ParameterValue and answers it the same way', async () => {
    const joined = subnets.slice(0, 2).join(',');
    await clients.cloudFormation.send(
      new CreateStackCommand({
        StackName: 'jenkins-ctl',
        TemplateBody: TEMPLATE,
        Parameters: [{ ParameterKey: 'AlbSubnets', ParameterValue: joined }],
      }),
    );
    await settle(sandbox, clients.cloudFormation, 'jenkins-ctl');
    const [stack] =
      (await clients.cloudFormation.send(new DescribeStacksCommand({ StackName: 'jenkins-ctl' })))
        .Stacks ?? [];
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    expect(stack?.Parameters).toContainEqual({
      ParameterKey: 'AlbSubnets',
      ParameterValue: joined,
    });
    expect(stack?.Parameters).toContainEqual({ ParameterKey: 'ExtraCidrs', ParameterValue: '' });
  });

  it('does not recognise a subnet after a space following the comma', async () => {
    const spaced = `${subnets[0] ?? ''}, ${subnets[1] ?? ''}`;
    const error = await refusal(createWith('spaced', spaced));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(
      `Parameter validation failed: parameter value  ${subnets[1] ?? ''} for parameter name AlbSubnets does not exist.`,
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses an empty selection for an AWS-typed list', async () => {
    const error = await refusal(createWith('empty', ''));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(/parameter name AlbSubnets does not exist/);
  });

  it('accepts an empty CommaDelimitedList whose Default is empty', async () => {
    await createWith('empty-cidrs', subnets[0] ?? '', [
      { ParameterKey: 'ExtraCidrs', ParameterValue: '' },
    ]);
    await sandbox.control.advance(3_000);
    const changeSet = await clients.cloudFormation.send(
      new DescribeChangeSetCommand({ StackName: 'empty-cidrs', ChangeSetName: 'launch' }),
    );
    expect(changeSet.Status).toBe('CREATE_COMPLETE');
  });
});
