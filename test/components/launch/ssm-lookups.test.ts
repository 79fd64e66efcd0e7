import { describe, expect, it } from 'vitest';
import { ssmCheck, ssmLookups, ssmParameterKey } from '@/components/launch/ssm-lookups';
import { jenkinsModel, modelOf } from './templates';

const model = modelOf(`
Parameters:
  Ami: {Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>'}
  Name: {Type: AWS::SSM::Parameter::Name}
  Hidden: {Type: 'AWS::SSM::Parameter::Value<String>', NoEcho: true}
  Plain: {Type: String}
`);

describe('SSM look-ups', () => {
  it('looks up the SSM-typed fields holding a name, never NoEcho ones', () => {
    const lookups = ssmLookups(model, {
      Ami: ' /aws/service/ami ',
      Name: 'half typed?',
      Hidden: '/secret/path',
      Plain: '/not/ssm',
    });

    expect(lookups).toEqual([{ key: 'Ami', name: '/aws/service/ami' }]);
  });

  it('looks up the bundled template’s agent AMI at its default', () => {
    const jenkins = jenkinsModel();
    const values = Object.fromEntries(
      jenkins.parameters.map((parameter) => [parameter.key, parameter.default ?? '']),
    );

    expect(ssmLookups(jenkins, values)).toEqual([
      {
        key: 'AgentAmiId',
        name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      },
    ]);
  });

  it('blocks a name the region does not have, and only that name', () => {
    const lookups = [
      { key: 'Ami', name: '/missing' },
      { key: 'Name', name: '/present' },
    ];
    const check = ssmCheck(
      lookups,
      {
        Ami: { state: 'missing', name: '/missing' },
        Name: { state: 'found', name: '/present', value: 'x', type: 'String' },
      },
      'eu-west-1',
    );

    expect(check({}, model)).toEqual({
      Ami: expect.stringMatching(/^There is no SSM parameter named \/missing in eu-west-1/),
    });
  });

  it('does not judge a name still loading or whose lookup failed', () => {
    const check = ssmCheck(
      [{ key: 'Ami', name: '/a' }],
      { Ami: { state: 'failed', name: '/a', message: 'throttled' } },
      'eu-west-1',
    );

    expect(check({}, model)).toEqual({});
  });

  it('asks the SSM route with the name encoded', () => {
    expect(ssmParameterKey('eu-west-1', '/aws/service/x')).toBe(
      '/api/account/ssm-parameter?region=eu-west-1&name=%2Faws%2Fservice%2Fx',
    );
  });
});
