import { describe, expect, it } from 'vitest';
import { fieldKind } from '@/components/launch/field-kind';
import { jenkinsModel } from './templates';

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
      AgentKeyName: 'key-pair',
    });
  });
});
