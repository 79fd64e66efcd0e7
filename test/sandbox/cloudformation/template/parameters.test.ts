import { describe, expect, it } from 'vitest';
import { resolveParameters } from '@/sandbox/cloudformation/template/parameters';
import { parseTemplate } from '@/sandbox/cloudformation/template/template';

const TEMPLATE = parseTemplate(
  JSON.stringify({
    Parameters: {
      Password: { Type: 'String', NoEcho: true, MinLength: 12 },
      Cap: { Type: 'Number', MinValue: 1, MaxValue: 200, Default: 10 },
      Size: { Type: 'String', AllowedValues: ['t3.large', 't3.xlarge'], Default: 't3.large' },
      Flag: {
        Type: 'String',
        AllowedPattern: 'true|false',
        Default: 'true',
        ConstraintDescription: "Must specify 'true' or 'false'",
      },
      Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' },
      Ami: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: '/ami/latest' },
    },
    Resources: { A: { Type: 'AWS::Logs::LogGroup' } },
  }),
);

const environment = {
  ssmParameter: (name: string) => (name === '/ami/latest' ? 'ami-1' : undefined),
  resourceExists: (_type: string, value: string) => value.startsWith('subnet-'),
};

function resolve(values: Record<string, string>) {
  const supplied = Object.entries({
    Password: 'long-enough-secret',
    Subnets: 'subnet-a,subnet-b',
    ...values,
  }).map(([key, value]) => ({ key, value, usePrevious: false }));
  return resolveParameters(TEMPLATE, supplied, { kind: 'create', changeSet: false }, environment);
}

describe('parameters', () => {
  it('applies defaults and resolves SSM parameter types', () => {
    expect(resolve({})).toContainEqual({ key: 'Ami', value: '/ami/latest', resolved: 'ami-1' });
    expect(resolve({})).toContainEqual({ key: 'Cap', value: '10' });
  });

  it.each([
    [{ Password: 'short' }, "Parameter 'Password' must contain at least 12 characters"],
    [{ Cap: 'ten' }, "Parameter 'Cap' must be a number."],
    [{ Cap: '0' }, "Parameter 'Cap' must be a number not less than 1"],
    [{ Cap: '201' }, "Parameter 'Cap' must be a number not greater than 200"],
    [{ Size: 'm5.large' }, "Parameter 'Size' must be one of AllowedValues"],
    [
      { Flag: 'yes' },
      "Parameter Flag failed to satisfy constraint: Must specify 'true' or 'false'",
    ],
    [
      { Subnets: 'subnet-a,nope' },
      'Parameter validation failed: parameter value nope for parameter name Subnets does not exist.',
    ],
    [
      { Ami: '/ami/missing' },
      'Unable to fetch parameters [/ami/missing] from parameter store for this account.',
    ],
  ])('refuses %j with AWS wording', (values, message) => {
    expect(() => resolve(values)).toThrow(message);
  });

  it('names parameters without a value', () => {
    expect(() =>
      resolveParameters(TEMPLATE, [], { kind: 'create', changeSet: false }, environment),
    ).toThrow('Parameters: [Password, Subnets] must have values');
  });

  it('uses the Default, not the previous value, for keys an update leaves out', () => {
    const resolved = resolveParameters(
      TEMPLATE,
      [
        { key: 'Password', usePrevious: true },
        { key: 'Subnets', usePrevious: true },
      ],
      {
        kind: 'update',
        previous: [
          { key: 'Password', value: 'previous-secret!' },
          { key: 'Subnets', value: 'subnet-a' },
          { key: 'Cap', value: '50' },
        ],
      },
      environment,
    );
    expect(resolved).toContainEqual({ key: 'Cap', value: '10' });
    expect(resolved).toContainEqual({ key: 'Password', value: 'previous-secret!' });
  });
});
