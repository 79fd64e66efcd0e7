import { describe, expect, it } from 'vitest';
import { accountChecks, accountChoices } from '@/components/launch/account-checks';
import type { NetworkView } from '@/lib/stacks/launch-view';
import { validateParameters } from '@/lib/template';
import { modelOf } from './templates';

const model = modelOf(`
Parameters:
  Vpc: {Type: 'AWS::EC2::VPC::Id'}
  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
  Groups: {Type: 'List<AWS::EC2::SecurityGroup::Id>'}
  Zone: {Type: 'AWS::EC2::AvailabilityZone::Name'}
`);

const regionView: NetworkView = {
  region: 'eu-west-1',
  vpcs: [{ id: 'vpc-0abc1234', cidr: '10.0.0.0/16', name: 'main', isDefault: true }],
  subnets: [],
  securityGroups: [],
  keyPairs: ['build-key'],
  availabilityZones: ['eu-west-1a'],
};
const vpcView: NetworkView = {
  ...regionView,
  subnets: [{ id: 'subnet-0aaa', availabilityZone: 'eu-west-1a', cidr: '10.0.1.0/24', name: 'a' }],
  securityGroups: [{ id: 'sg-0aaa', name: 'default' }],
};

function errorsFor(values: Record<string, string>, { vpcLoaded = true } = {}) {
  const choices = accountChoices('eu-west-1', regionView, vpcLoaded ? vpcView : undefined);
  return validateParameters(model, values, {
    mode: 'create',
    checks: accountChecks(model, choices),
  }).fieldErrors;
}

describe('account checks', () => {
  it('accepts values the account lists', () => {
    expect(
      errorsFor({
        Vpc: 'vpc-0abc1234',
        Subnets: 'subnet-0aaa',
        Groups: 'sg-0aaa',
        Zone: 'eu-west-1a',
      }),
    ).toEqual({});
  });

  it('names values the region or the chosen VPC does not have', () => {
    expect(
      errorsFor({
        Vpc: 'vpc-0fff9999',
        Subnets: 'subnet-0aaa,subnet-0bbb',
        Groups: 'sg-0zzz',
        Zone: 'us-east-1a',
      }),
    ).toEqual({
      Vpc: 'vpc-0fff9999 is not a VPC in eu-west-1.',
      Subnets: 'subnet-0bbb is not a subnet of the chosen VPC.',
      Groups: 'sg-0zzz is not a security group of the chosen VPC.',
      Zone: 'us-east-1a is not an Availability Zone of eu-west-1.',
    });
  });

  it('judges nothing against lists that have not loaded', () => {
    expect(
      errorsFor(
        { Vpc: 'vpc-0abc1234', Subnets: 'subnet-0bbb', Groups: 'sg-0zzz', Zone: 'eu-west-1a' },
        { vpcLoaded: false },
      ),
    ).toEqual({});
  });
});
