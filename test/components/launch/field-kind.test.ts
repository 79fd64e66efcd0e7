import { describe, expect, it } from 'vitest';
import { fieldKind } from '@/components/launch/field-kind';
import { jenkinsModel, modelOf } from './templates';

describe('field kind', () => {
  it('gives each parameter of the bundled template the right input', () => {
    const kinds = Object.fromEntries(
      jenkinsModel().parameters.map((parameter) => [parameter.key, fieldKind(parameter)]),
    );

    expect(kinds).toMatchObject({
      VpcId: 'vpc',
      LoadBalancerSubnets: 'subnets',
      ServiceSubnets: 'subnets',
      AllowedCidr: 'text',
      HostedZoneId: 'hosted-zone',
      JenkinsAdminPassword: 'password',
      ControllerCpu: 'select',
      ControllerMemory: 'select',
      AgentInstanceCap: 'number',
      AgentInstanceType: 'select',
      AgentAmiId: 'text',
    });
  });

  it('offers the region’s key pairs for an AWS-typed key pair, and free text for a String one', () => {
    const model = modelOf(`
Parameters:
  AgentKeyName: {Type: 'AWS::EC2::KeyPair::KeyName'}
  BastionKeyName: {Type: String, Default: ''}
`);
    expect(model.parameters.map((parameter) => fieldKind(parameter))).toEqual(['key-pair', 'text']);
  });
});
