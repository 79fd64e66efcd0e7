import { describe, expect, it } from 'vitest';
import { hasRole, highestRole, isRole } from '@/lib/auth/roles';

describe('roles', () => {
  it('orders viewer below operator below admin', () => {
    expect(hasRole('viewer', 'viewer')).toBe(true);
    expect(hasRole('viewer', 'operator')).toBe(false);
    expect(hasRole('operator', 'viewer')).toBe(true);
    expect(hasRole('operator', 'admin')).toBe(false);
    expect(hasRole('admin', 'operator')).toBe(true);
  });

  it('picks the highest of several roles', () => {
    expect(highestRole(['viewer', 'admin', 'operator'])).toBe('admin');
    expect(highestRole([])).toBeUndefined();
  });

  it('recognises only the three role names', () => {
    expect(isRole('operator')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
