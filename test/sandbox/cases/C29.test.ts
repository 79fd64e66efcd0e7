import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DescribeChangeSetCommand,
  GetTemplateSummaryCommand,
  InsufficientCapabilitiesException,
  UpdateStackCommand,
  type Capability,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { JENKINS_TEMPLATE, jenkinsParameters, refusal, settle } from '../sdk/support';
import { clientsFor, pausedSandbox } from '../support';

// The case's named agent role and instance profile.
const NAMED_IAM = `
Resources:
  AgentRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub '\${AWS::StackName}-agent'
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ec2.amazonaws.com}
            Action: sts:AssumeRole
  AgentProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      InstanceProfileName: !Sub '\${AWS::StackName}-agent'
      Roles: [!Ref AgentRole]
`;

let sandbox: RunningSandbox;
let clients: ReturnType<typeof clientsFor>;

function changeSet(name: string, capabilities: Capability[]) {
  return clients.cloudFormation.send(
    new CreateChangeSetCommand({
      StackName: 'jenkins-ctl',
      ChangeSetName: name,
      ChangeSetType: 'CREATE',
      TemplateBody: NAMED_IAM,
      Capabilities: capabilities,
    }),
  );
}

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 129 });
  clients = clientsFor(sandbox.url);
});
afterAll(() => sandbox.close());

describe('C29 IAM capabilities for the instance profile and named roles', () => {
  it('names CAPABILITY_NAMED_IAM and the IAM resource types in GetTemplateSummary', async () => {
    const summary = await clients.cloudFormation.send(
      new GetTemplateSummaryCommand({ TemplateBody: NAMED_IAM }),
    );
    expect(summary.Capabilities).toEqual(['CAPABILITY_NAMED_IAM']);
    expect(summary.CapabilitiesReason).toMatch(/AWS::IAM::Role/);
    expect(summary.CapabilitiesReason).toMatch(/AWS::IAM::InstanceProfile/);
  });

  it('refuses a change set that acknowledged only CAPABILITY_IAM, naming what it needs', async () => {
    const error = await refusal(changeSet('iam-only', ['CAPABILITY_IAM']));
    expect(error).toBeInstanceOf(InsufficientCapabilitiesException);
    expect(error.name).toBe('InsufficientCapabilitiesException');
    expect(error.message).toBe('Requires capabilities : [CAPABILITY_NAMED_IAM]');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('accepts the change set with exactly the capabilities the summary named', async () => {
    await changeSet('named', ['CAPABILITY_NAMED_IAM']);
    await sandbox.control.advance(3_000);
    const described = await clients.cloudFormation.send(
      new DescribeChangeSetCommand({ StackName: 'jenkins-ctl', ChangeSetName: 'named' }),
    );
    expect(described.Status).toBe('CREATE_COMPLETE');
    expect(described.Capabilities).toEqual(['CAPABILITY_NAMED_IAM']);
  });

  it('asks CAPABILITY_IAM for the Jenkins template on create and again on update', async () => {
    const summary = await clients.cloudFormation.send(
      new GetTemplateSummaryCommand({ TemplateBody: JENKINS_TEMPLATE }),
    );
    expect(summary.Capabilities).toEqual(['CAPABILITY_IAM']);
    const parameters = await jenkinsParameters(clients.ec2);
    const create = await refusal(
      clients.cloudFormation.send(
        new CreateStackCommand({
          StackName: 'jenkins-iam',
          TemplateBody: JENKINS_TEMPLATE,
          Parameters: parameters,
        }),
      ),
    );
    expect(create).toBeInstanceOf(InsufficientCapabilitiesException);
    await clients.cloudFormation.send(
      new CreateStackCommand({
        StackName: 'jenkins-iam',
        TemplateBody: JENKINS_TEMPLATE,
        Parameters: parameters,
        Capabilities: summary.Capabilities,
      }),
    );
    await settle(sandbox, clients.cloudFormation, 'jenkins-iam', 15_000);
    const update = await refusal(
      clients.cloudFormation.send(
        new UpdateStackCommand({
          StackName: 'jenkins-iam',
          UsePreviousTemplate: true,
          Parameters: parameters.map((parameter) =>
            parameter.ParameterKey === 'AllowedCidr'
              ? { ParameterKey: 'AllowedCidr', ParameterValue: '10.0.0.0/8' }
              : { ParameterKey: parameter.ParameterKey, UsePreviousValue: true },
          ),
        }),
      ),
    );
    expect(update).toBeInstanceOf(InsufficientCapabilitiesException);
    expect(update.message).toBe('Requires capabilities : [CAPABILITY_IAM]');
  });
});
