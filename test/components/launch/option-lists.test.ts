import { describe, expect, it } from 'vitest';
import { subnetOptions, withCurrentValues } from '@/components/launch/option-lists';
import type { NetworkView } from '@/lib/stacks/launch-view';

const view: NetworkView = {
  region: 'eu-west-1',
  vpcs: [{ id: 'vpc-0abc1234', cidr: '10.0.0.0/16', name: 'main', isDefault: false }],
  subnets: [
    { id: 'subnet-0b', availabilityZone: 'eu-west-1b', cidr: '10.0.2.0/24', name: 'public-b' },
    { id: 'subnet-0a', availabilityZone: 'eu-west-1a', cidr: '10.0.1.0/24', name: undefined },
  ],
  securityGroups: [],
  keyPairs: [],
  availabilityZones: ['eu-west-1a', 'eu-west-1b'],
};

describe('picker options', () => {
  it('lists subnets by zone with CIDR and Name tag', () => {
    expect(subnetOptions(view)).toEqual([
      { value: 'subnet-0a', label: 'eu-west-1a · 10.0.1.0/24 · (no name) — subnet-0a' },
      { value: 'subnet-0b', label: 'eu-west-1b · 10.0.2.0/24 · public-b — subnet-0b' },
    ]);
  });

  it('keeps chosen values the account does not list, marked as not found', () => {
    const options = withCurrentValues(subnetOptions(view), 'subnet-0a, subnet-0gone');

    expect(options[0]).toEqual({ value: 'subnet-0gone', label: 'subnet-0gone (not found)' });
    expect(options).toHaveLength(3);
  });
});
