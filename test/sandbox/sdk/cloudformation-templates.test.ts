import {
  ChangeSetNotFoundException,
  CreateChangeSetCommand,
  CreateStackCommand,
  GetTemplateCommand,
  GetTemplateSummaryCommand,
  ValidateTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor, pausedSandbox } from '../support';
import { JENKINS_TEMPLATE, refusal, settle } from './support';
import { SMALL_PARAMETERS, SMALL_TEMPLATE, smallScaleEdit } from './templates';

let sandbox: RunningSandbox;
let cfn: ReturnType<typeof clientsFor>['cloudFormation'];

beforeAll(async () => {
  sandbox = await pausedSandbox({ seed: 38 });
  cfn = clientsFor(sandbox.url).cloudFormation;
  await cfn.send(
    new CreateStackCommand({
      StackName: 'sdk-small',
      TemplateBody: SMALL_TEMPLATE,
      Parameters: SMALL_PARAMETERS,
    }),
  );
  await settle(sandbox, cfn, 'sdk-small');
});
afterAll(() => sandbox.close());

describe('templates through the SDK', () => {
  it("answers the stack's template, or a change set's", async () => {
    const deployed = await cfn.send(new GetTemplateCommand({ StackName: 'sdk-small' }));
    expect(deployed.TemplateBody).toBe(SMALL_TEMPLATE);
    expect(deployed.StagesAvailable).toEqual(['Original', 'Processed']);
    const edited = SMALL_TEMPLATE.replace('SDK coverage stack', 'SDK coverage stack v2');
    await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'sdk-small',
        ChangeSetName: 'template-v2',
        TemplateBody: edited,
        Parameters: smallScaleEdit('11'),
      }),
    );
    const proposed = await cfn.send(
      new GetTemplateCommand({ StackName: 'sdk-small', ChangeSetName: 'template-v2' }),
    );
    expect(proposed.TemplateBody).toBe(edited);
  });

  it('refuses GetTemplate for an unknown change set with ChangeSetNotFoundException', async () => {
    const error = await refusal(
      cfn.send(new GetTemplateCommand({ StackName: 'sdk-small', ChangeSetName: 'nope' })),
    );
    expect(error).toBeInstanceOf(ChangeSetNotFoundException);
    expect(error.name).toBe('ChangeSetNotFoundException');
    expect(error.$metadata.httpStatusCode).toBe(404);
    const noStack = await refusal(cfn.send(new GetTemplateCommand({ StackName: 'sdk-nope' })));
    expect(noStack.name).toBe('ValidationError');
    expect(noStack.$metadata.httpStatusCode).toBe(400);
  });

  it('summarises the Jenkins template: types, NoEcho, capabilities and resource types', async () => {
    const summary = await cfn.send(
      new GetTemplateSummaryCommand({ TemplateBody: JENKINS_TEMPLATE }),
    );
    const byKey = new Map(
      summary.Parameters?.map((parameter) => [parameter.ParameterKey, parameter]),
    );
    expect(byKey.get('AgentAmiId')).toMatchObject({
      ParameterType: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
      DefaultValue: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    });
    expect(byKey.get('JenkinsAdminPassword')?.NoEcho).toBe(true);
    expect(byKey.get('LoadBalancerSubnets')?.ParameterType).toBe('List<AWS::EC2::Subnet::Id>');
    expect(byKey.get('ControllerCpu')?.ParameterConstraints?.AllowedValues).toEqual(
      expect.arrayContaining(['1024']),
    );
    expect(summary.Capabilities).toEqual(['CAPABILITY_IAM']);
    expect(summary.CapabilitiesReason).toMatch(/AWS::IAM::Role/);
    expect(summary.ResourceTypes).toEqual(
      expect.arrayContaining(['AWS::ECS::Service', 'AWS::ElasticLoadBalancingV2::TargetGroup']),
    );
    expect(JSON.parse(summary.Metadata ?? '{}')).toHaveProperty([
      'AWS::CloudFormation::Interface',
      'ParameterGroups',
    ]);
    const byStack = await cfn.send(new GetTemplateSummaryCommand({ StackName: 'sdk-small' }));
    expect(byStack.Parameters?.map((parameter) => parameter.ParameterKey)).toEqual([
      'Cap',
      'Password',
    ]);
  });

  it('refuses a malformed template in GetTemplateSummary and ValidateTemplate with ValidationError', async () => {
    for (const command of [
      new GetTemplateSummaryCommand({ TemplateBody: 'Resources: [' }),
      new ValidateTemplateCommand({ TemplateBody: 'Resources: [' }),
    ]) {
      const error = await refusal(cfn.send(command as GetTemplateSummaryCommand));
      expect(error.name).toBe('ValidationError');
      expect(error.message).toMatch(/^Template format error: /);
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
  });

  it('validates a template: parameters with NoEcho, description and capabilities', async () => {
    const answer = await cfn.send(new ValidateTemplateCommand({ TemplateBody: SMALL_TEMPLATE }));
    expect(answer.Description).toBe('SDK coverage stack');
    expect(answer.Parameters).toEqual([
      expect.objectContaining({ ParameterKey: 'Cap', DefaultValue: '10', NoEcho: false }),
      expect.objectContaining({ ParameterKey: 'Password', NoEcho: true }),
    ]);
    expect(answer.Capabilities).toEqual([]);
    const dangling = await refusal(
      cfn.send(
        new ValidateTemplateCommand({
          TemplateBody: JSON.stringify({
            Resources: {
              A: {
                Type: 'AWS::SSM::Parameter',
                Properties: { Value: { 'Fn::GetAtt': ['Foo', 'Arn'] } },
              },
            },
          }),
        }),
      ),
    );
    expect(dangling.name).toBe('ValidationError');
    expect(dangling.message).toMatch(/Foo/);
  });
});
