import { describe, expect, it } from 'vitest';
import { environmentKey, overviewKey, stackPagePath, stackSnapshotKey } from '@/lib/client/keys';

describe('SWR keys', () => {
  it('name the overview and environment endpoints', () => {
    expect(overviewKey()).toBe('/api/stacks');
    expect(environmentKey()).toBe('/api/environment');
  });

  it('name a stack snapshot with its region as a query parameter', () => {
    expect(stackSnapshotKey('jenkins-ci', 'eu-west-1')).toBe(
      '/api/stacks/jenkins-ci?region=eu-west-1',
    );
  });

  it('leave the region to the server when none is given', () => {
    expect(stackSnapshotKey('jenkins-ci')).toBe('/api/stacks/jenkins-ci');
    expect(stackSnapshotKey('jenkins-ci', '')).toBe('/api/stacks/jenkins-ci');
  });

  it('skip the fetch (null key) without a stack name', () => {
    expect(stackSnapshotKey(undefined, 'eu-west-1')).toBeNull();
    expect(stackSnapshotKey('')).toBeNull();
  });

  it('encode names so a crafted one cannot reach another endpoint', () => {
    expect(stackSnapshotKey('../environment')).toBe('/api/stacks/..%2Fenvironment');
  });

  it('build the stack page link with the same region rule', () => {
    expect(stackPagePath('ci', 'us-east-1')).toBe('/stacks/ci?region=us-east-1');
    expect(stackPagePath('ci')).toBe('/stacks/ci');
  });
});
