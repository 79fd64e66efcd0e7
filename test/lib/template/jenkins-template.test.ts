import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { subnetsInTwoAzs } from '@/lib/template/checks';
import { OTHER_PARAMETERS_LABEL, parameterModel } from '@/lib/template/model';
import { readTemplateText } from '@/lib/template/read';
import { stackParameters } from '@/lib/template/request';
import { validateParameters } from '@/lib/template/validate';

const TEMPLATE = new URL('../../../cloudformation/jenkins.yaml', import.meta.url);

describe("the project's own template", () => {
  const model = parameterModel(readTemplateText(readFileSync(fileURLToPath(TEMPLATE), 'utf8')));

  it('puts every parameter in one of its declared groups', () => {
    const grouped = model.groups.flatMap((group) => group.parameters.map(({ key }) => key));
    expect(model.groups.map(({ label }) => label)).not.toContain(OTHER_PARAMETERS_LABEL);
    expect([...grouped].sort()).toEqual(model.parameters.map(({ key }) => key).sort());
  });

  it('declares the parameters the dashboard relies on, with their types', () => {
    const types = Object.fromEntries(model.parameters.map((p) => [p.key, p.cloudFormationType]));
    expect(types).toMatchObject({
      VpcId: 'AWS::EC2::VPC::Id',
      LoadBalancerSubnets: 'List<AWS::EC2::Subnet::Id>',
      ServiceSubnets: 'List<AWS::EC2::Subnet::Id>',
      AllowedCidr: 'String',
      HostedZoneId: 'String',
      DomainName: 'String',
      CertificateArn: 'String',
      JenkinsAdminPassword: 'String',
      ControllerImage: 'String',
      ControllerCpu: 'Number',
      ControllerMemory: 'Number',
      ControllerEnabled: 'String',
      AgentInstanceCap: 'Number',
      WarmAgents: 'Number',
      AgentIdleMinutes: 'Number',
      AgentInstanceType: 'String',
      AgentAmiId: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
    });
    expect(model.parameters.filter((p) => p.noEcho).map(({ key }) => key)).toEqual([
      'JenkinsAdminPassword',
    ]);
  });

  it('accepts a complete launch and leaves defaults to CloudFormation', () => {
    const subnetAzs = {
      'subnet-0aaa1111': 'eu-west-1a',
      'subnet-0bbb2222': 'eu-west-1b',
    };
    const validation = validateParameters(
      model,
      {
        VpcId: 'vpc-0abc1234',
        LoadBalancerSubnets: 'subnet-0aaa1111, subnet-0bbb2222',
        ServiceSubnets: 'subnet-0aaa1111,subnet-0bbb2222',
        AllowedCidr: '203.0.113.0/24',
        JenkinsAdminPassword: 'correct-horse-battery',
        ControllerImage: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/jenkins-on-aws:2.568.2-1',
      },
      { mode: 'create', checks: [subnetsInTwoAzs('LoadBalancerSubnets', subnetAzs)] },
    );
    expect(validation.fieldErrors).toEqual({});
    expect(stackParameters(model, validation).map(({ ParameterKey }) => ParameterKey)).toEqual([
      'VpcId',
      'LoadBalancerSubnets',
      'ServiceSubnets',
      'AllowedCidr',
      'JenkinsAdminPassword',
      'ControllerImage',
    ]);
  });

  it('refuses a cap of 0 with the template’s own explanation (C26)', () => {
    const validation = validateParameters(
      model,
      { AgentInstanceCap: '0' },
      {
        mode: 'update',
        previousKeys: new Set(model.parameters.map(({ key }) => key)),
        touched: new Set(['AgentInstanceCap']),
        integerParameters: new Set(['AgentInstanceCap', 'WarmAgents', 'AgentIdleMinutes']),
      },
    );
    expect(validation.fieldErrors).toEqual({
      AgentInstanceCap: 'must be a whole number from 1 to 200.',
    });
  });
});
