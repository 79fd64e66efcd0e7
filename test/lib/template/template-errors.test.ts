import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { TemplateModelError } from '@/lib/template/errors';
import { parameterModel } from '@/lib/template/model';
import { classifyParameterType } from '@/lib/template/parameter-type';

function modelOf(parameters: Record<string, unknown>) {
  return () => parameterModel({ Parameters: parameters });
}

describe('parameter model › template errors', () => {
  it('names a parameter that has no Type', () => {
    expect(modelOf({ Cap: { Default: 10 } })).toThrow(
      new TemplateModelError('Cap', 'every parameter needs a Type.'),
    );
  });

  it('names a parameter of an unknown type', () => {
    expect(modelOf({ Zone: { Type: 'AWS::EC2::Zone' } })).toThrow(
      /^Parameter Zone: AWS::EC2::Zone is not a CloudFormation parameter type\.$/,
    );
  });

  it('names a parameter whose AllowedPattern is not a regular expression', () => {
    expect(modelOf({ Name: { Type: 'String', AllowedPattern: '[a-z' } })).toThrow(
      /^Parameter Name: AllowedPattern \[a-z is not a regular expression\.$/,
    );
  });

  it('names a parameter whose MinValue is above its MaxValue', () => {
    expect(modelOf({ Cap: { Type: 'Number', MinValue: '10', MaxValue: 5 } })).toThrow(
      /^Parameter Cap: MinValue 10 is greater than MaxValue 5\.$/,
    );
  });

  it('names a parameter whose MinLength is above its MaxLength', () => {
    expect(modelOf({ Name: { Type: 'String', MinLength: 8, MaxLength: '4' } })).toThrow(
      /MinLength 8 is greater than MaxLength 4/,
    );
  });

  it('refuses bounds that are not numbers', () => {
    expect(modelOf({ Cap: { Type: 'Number', MaxValue: 'lots' } })).toThrow(
      /MaxValue must be a number/,
    );
    expect(modelOf({ Name: { Type: 'String', MinLength: 2.5 } })).toThrow(
      /MinLength must be a whole number/,
    );
  });

  it('refuses an AllowedPattern on a list of AWS resources, as CloudFormation does (C05)', () => {
    expect(
      modelOf({ Subnets: { Type: 'List<AWS::EC2::Subnet::Id>', AllowedPattern: '.+,.+' } }),
    ).toThrow(/^Parameter Subnets: list types of AWS resources do not support AllowedPattern/);
  });

  it('refuses a Default that is an intrinsic function', () => {
    expect(modelOf({ Name: { Type: 'String', Default: { Ref: 'AWS::StackName' } } })).toThrow(
      /Default must be a plain value/,
    );
  });

  it('raises a coded error the API can answer with', () => {
    try {
      parameterModel({ Parameters: { Cap: {} } });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error)).toBe(true);
      expect(error).toMatchObject({
        code: 'bad_request:template',
        status: 400,
        parameterKey: 'Cap',
        details: { parameterKey: 'Cap' },
      });
    }
  });

  it('refuses a Parameters section that is not a mapping', () => {
    expect(() => parameterModel({ Parameters: ['Cap'] })).toThrow(/must be a mapping/);
  });
});

describe('parameter type', () => {
  it('knows the plain types', () => {
    expect(['String', 'Number', 'List<Number>', 'CommaDelimitedList'].map(kindOf)).toEqual([
      'string',
      'number',
      'number-list',
      'comma-list',
    ]);
  });

  it('knows every AWS-specific type and its list form, except a list of key pairs', () => {
    expect(classifyParameterType('AWS::Route53::HostedZone::Id')).toEqual({
      kind: 'aws-specific',
      awsType: 'AWS::Route53::HostedZone::Id',
      list: false,
    });
    expect(classifyParameterType('List<AWS::EC2::Volume::Id>')).toEqual({
      kind: 'aws-specific',
      awsType: 'AWS::EC2::Volume::Id',
      list: true,
    });
    expect(classifyParameterType('List<AWS::EC2::KeyPair::KeyName>')).toBeUndefined();
  });

  it('refuses lists and SSM values of things CloudFormation does not resolve', () => {
    expect(classifyParameterType('List<String>')).toBeUndefined();
    expect(classifyParameterType('AWS::SSM::Parameter::Value<Number>')).toBeUndefined();
    expect(classifyParameterType('AWS::SSM::Parameter::Value<>')).toBeUndefined();
    expect(classifyParameterType('string')).toBeUndefined();
  });
});

function kindOf(type: string): string | undefined {
  return classifyParameterType(type)?.kind;
}
