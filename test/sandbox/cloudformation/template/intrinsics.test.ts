import { describe, expect, it } from 'vitest';
import { DeploymentView } from '@/sandbox/cloudformation/deployment';
import { readTemplateText } from '@/lib/template/read';

const TEMPLATE = `
Parameters:
  Env: {Type: String, Default: prod}
  Subnets: {Type: CommaDelimitedList, Default: 'subnet-a,subnet-b'}
Mappings:
  Sizes:
    prod: {Cpu: '1024'}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsNotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Or [!Condition IsNotProd, !Equals [a, a]]]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      Sub: !Sub '\${AWS::StackName}-\${Env}-\${!Literal}'
      SubMap: !Sub ['\${Name}.\${Bucket.Arn}', {Name: !Ref Env}]
      Join: !Join ['/', [a, !Ref Env, !Select [1, !Ref Subnets]]]
      Split: !Split [',', 'x,y']
      If: !If [IsNotProd, !Ref Env, !Ref 'AWS::NoValue']
      Both: !If [Both, yes, no]
      Map: !FindInMap [Sizes, !Ref Env, Cpu]
      Azs: !GetAZs ''
      Encoded: !Base64 hello
      Imported: !ImportValue shared-vpc
      Account: !Sub '\${AWS::AccountId}:\${AWS::Region}:\${AWS::Partition}:\${AWS::URLSuffix}'
      List: [one, !Ref 'AWS::NoValue', two]
`;

function view() {
  return new DeploymentView(
    {
      templateBody: TEMPLATE,
      parameters: [
        { key: 'Env', value: 'prod' },
        { key: 'Subnets', value: 'subnet-a,subnet-b' },
      ],
    },
    {
      stackName: 'ctl',
      stackId: 'arn:stack/ctl/1',
      region: 'eu-west-1',
      accountId: '123456789012',
      notificationArns: [],
    },
    {
      exportedValue: (name) => (name === 'shared-vpc' ? 'vpc-1' : undefined),
      availabilityZones: (region) => [`${region}a`, `${region}b`],
    },
    () => ({ physicalId: 'bucket-1', attributes: { Arn: 'arn:aws:s3:::bucket-1' } }),
  );
}

describe('intrinsic functions', () => {
  it('resolves every supported function the way CloudFormation does', () => {
    expect(readTemplateText(TEMPLATE)).toBeTruthy();
    expect(view().properties('Bucket')).toEqual({
      Sub: 'ctl-prod-${Literal}',
      SubMap: 'prod.arn:aws:s3:::bucket-1',
      Join: 'a/prod/subnet-b',
      Split: ['x', 'y'],
      Both: 'yes',
      Map: '1024',
      Azs: ['eu-west-1a', 'eu-west-1b'],
      Encoded: 'aGVsbG8=',
      Imported: 'vpc-1',
      Account: '123456789012:eu-west-1:aws:amazonaws.com',
      List: ['one', 'two'],
    });
  });

  it('evaluates conditions with Equals, Not, And and Or', () => {
    const deployment = view();
    expect(deployment.condition('IsProd')).toBe(true);
    expect(deployment.condition('IsNotProd')).toBe(false);
    expect(deployment.condition('Both')).toBe(true);
  });
});
