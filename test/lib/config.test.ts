import { describe, expect, it } from 'vitest';
import { readConfig } from '@/lib/config';

describe('configuration', () => {
  it('needs AWS_REGION and names it when missing', () => {
    expect(() => readConfig({})).toThrow(/AWS_REGION is not set/);
  });

  it('refuses a region that is not a region name', () => {
    expect(() => readConfig({ AWS_REGION: 'Ireland' })).toThrow(/AWS_REGION must be a region name/);
  });

  it('names the bad entries of DASHBOARD_REGIONS', () => {
    expect(() =>
      readConfig({ AWS_REGION: 'eu-west-1', DASHBOARD_REGIONS: 'eu-west-1, mars-1' }),
    ).toThrow(/DASHBOARD_REGIONS holds "mars-1", which is not a region name/);
  });

  it('lists the default region first and removes repeats', () => {
    expect(
      readConfig({ AWS_REGION: 'eu-west-1', DASHBOARD_REGIONS: 'us-east-1,eu-west-1,us-east-1' })
        .regions,
    ).toEqual(['us-east-1', 'eu-west-1']);
    expect(readConfig({ AWS_REGION: 'eu-west-1', DASHBOARD_REGIONS: 'us-east-1' }).regions).toEqual(
      ['eu-west-1', 'us-east-1'],
    );
  });

  it('takes the stack-name prefix of the IAM role, or none, and refuses one no stack name could start with', () => {
    expect(
      readConfig({ AWS_REGION: 'eu-west-1', DASHBOARD_STACK_NAME_PREFIX: 'jenkins-' })
        .stackNamePrefix,
    ).toBe('jenkins-');
    expect(
      readConfig({ AWS_REGION: 'eu-west-1', DASHBOARD_STACK_NAME_PREFIX: '' }).stackNamePrefix,
    ).toBeUndefined();
    expect(() =>
      readConfig({ AWS_REGION: 'eu-west-1', DASHBOARD_STACK_NAME_PREFIX: 'ci/*' }),
    ).toThrow(/DASHBOARD_STACK_NAME_PREFIX must start a stack name/);
  });

  it('checks AWS_ENDPOINT_URL is a URL', () => {
    expect(() => readConfig({ AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL: 'sandbox' })).toThrow(
      /AWS_ENDPOINT_URL/,
    );
    expect(
      readConfig({ AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:4599' })
        .endpointUrl,
    ).toBe('http://127.0.0.1:4599');
  });
});
