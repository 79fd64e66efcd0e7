import { describe, expect, it } from 'vitest';
import { subnetsInTwoAzs } from '@/lib/template/checks';
import { parameterModel } from '@/lib/template/model';
import { validateParameters } from '@/lib/template/validate';

const SUBNET_AZS = {
  'subnet-0aaa1111': 'eu-west-1a',
  'subnet-0bbb2222': 'eu-west-1a',
  'subnet-0ccc3333': 'eu-west-1b',
};

const model = parameterModel({
  Parameters: { LoadBalancerSubnets: { Type: 'List<AWS::EC2::Subnet::Id>' } },
});

function subnetMessage(value: string): string | undefined {
  const result = validateParameters(
    model,
    { LoadBalancerSubnets: value },
    { mode: 'create', checks: [subnetsInTwoAzs('LoadBalancerSubnets', SUBNET_AZS)] },
  );
  return result.fieldErrors.LoadBalancerSubnets;
}

describe('subnetsInTwoAzs', () => {
  it('refuses two subnets in one Availability Zone (C05)', () => {
    expect(subnetMessage('subnet-0aaa1111, subnet-0bbb2222 ')).toBe(
      'Choose subnets in at least two Availability Zones: every chosen subnet is in eu-west-1a.',
    );
  });

  it('refuses a single subnet', () => {
    expect(subnetMessage('subnet-0ccc3333')).toBe(
      'Choose subnets in at least two Availability Zones: every chosen subnet is in eu-west-1b.',
    );
  });

  it('accepts subnets in two zones', () => {
    expect(subnetMessage('subnet-0aaa1111,subnet-0ccc3333')).toBeUndefined();
  });

  it('refuses a second subnet in a zone the load balancer already has', () => {
    expect(subnetMessage('subnet-0aaa1111,subnet-0ccc3333,subnet-0bbb2222')).toBe(
      'Choose one subnet per Availability Zone: subnet-0aaa1111 and subnet-0bbb2222 are both ' +
        'in eu-west-1a.',
    );
  });

  it('names subnets outside the chosen VPC', () => {
    expect(subnetMessage('subnet-0aaa1111,subnet-0ddd4444')).toBe(
      'subnet-0ddd4444 is not a subnet of the chosen VPC.',
    );
  });

  it('leaves a value it cannot see (kept as the previous value) alone', () => {
    const check = subnetsInTwoAzs('LoadBalancerSubnets', SUBNET_AZS);
    expect(check({}, model)).toEqual({});
  });
});
