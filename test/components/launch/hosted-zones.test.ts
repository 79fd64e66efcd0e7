import { describe, expect, it } from 'vitest';
import { fieldKind } from '@/components/launch/field-kind';
import {
  hostedZoneAllowsNone,
  hostedZoneOptions,
  hostedZonesKey,
  NO_HOSTED_ZONE_LABEL,
} from '@/components/launch/hosted-zones';
import { jenkinsModel, modelOf } from './templates';

const zones = [
  { id: 'Z0BBB222', name: 'internal.example.', privateZone: true },
  { id: 'Z0AAA111', name: 'example.com.', privateZone: false },
];

describe('hosted zone picker', () => {
  it('offers none first, then the zones by name with their id and privacy', () => {
    expect(hostedZoneOptions(zones, '', true)).toEqual([
      { value: '', label: NO_HOSTED_ZONE_LABEL },
      { value: 'Z0AAA111', label: 'example.com — Z0AAA111' },
      { value: 'Z0BBB222', label: 'internal.example — Z0BBB222 (private)' },
    ]);
  });

  it('offers no none choice where the type needs an existing zone', () => {
    const options = hostedZoneOptions(zones, '', false);

    expect(options.map((option) => option.value)).toEqual(['Z0AAA111', 'Z0BBB222']);
  });

  it('keeps a chosen zone the account does not list, marked not found', () => {
    const options = hostedZoneOptions(zones, 'Z0GONE99', true);

    expect(options[1]).toEqual({ value: 'Z0GONE99', label: 'Z0GONE99 (not found)' });
  });

  it('still offers none while the zones are loading', () => {
    expect(hostedZoneOptions(undefined, '', true)).toEqual([
      { value: '', label: NO_HOSTED_ZONE_LABEL },
    ]);
  });

  it('is the input for the bundled template’s HostedZoneId and for the Route 53 type', () => {
    const bundled = jenkinsModel().parameters.find((parameter) => parameter.key === 'HostedZoneId');
    const typed = modelOf('Parameters:\n  Zone: {Type: AWS::Route53::HostedZone::Id}\n')
      .parameters[0];

    expect(bundled && fieldKind(bundled)).toBe('hosted-zone');
    expect(bundled && hostedZoneAllowsNone(bundled)).toBe(true);
    expect(typed && fieldKind(typed)).toBe('hosted-zone');
    expect(typed && hostedZoneAllowsNone(typed)).toBe(false);
  });

  it('asks the hosted-zones route per region', () => {
    expect(hostedZonesKey('eu-west-1')).toBe('/api/account/hosted-zones?region=eu-west-1');
    expect(hostedZonesKey('')).toBeNull();
  });
});
