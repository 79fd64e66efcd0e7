import { describe, expect, it } from 'vitest';
import { readOidcSettings, roleFromClaims } from '@/lib/auth/oidc-settings';

const base = { OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'dashboard' };

describe('OIDC settings', () => {
  it('is off without OIDC_ISSUER', () => {
    expect(readOidcSettings({})).toBeUndefined();
  });

  it('reads the groups claim by default and maps groups to roles', () => {
    const settings = readOidcSettings({
      ...base,
      OIDC_ROLE_MAP: 'ci-admins=admin, ci-ops=operator',
    });
    expect(settings?.roleClaim).toBe('groups');
    expect(settings && roleFromClaims({ groups: ['staff', 'ci-ops'] }, settings)).toBe('operator');
    expect(settings && roleFromClaims({ groups: ['ci-ops', 'ci-admins'] }, settings)).toBe('admin');
  });

  it('refuses a person whose claims map to no role when no default is set', () => {
    const settings = readOidcSettings({ ...base, OIDC_ROLE_MAP: 'ci-ops=operator' });
    expect(settings && roleFromClaims({ groups: ['staff'] }, settings)).toBeUndefined();
    expect(settings && roleFromClaims({}, settings)).toBeUndefined();
  });

  it('gives OIDC_DEFAULT_ROLE to a person whose claims map to no role', () => {
    const settings = readOidcSettings({ ...base, OIDC_DEFAULT_ROLE: 'viewer' });
    expect(settings && roleFromClaims({ groups: ['staff'] }, settings)).toBe('viewer');
  });

  it('reads a single-valued custom claim and group names containing =', () => {
    const settings = readOidcSettings({
      ...base,
      OIDC_ROLE_CLAIM: 'dashboard_role',
      OIDC_ROLE_MAP: 'team=ops=operator',
    });
    expect(settings && roleFromClaims({ dashboard_role: 'team=ops' }, settings)).toBe('operator');
    expect(settings && roleFromClaims({ groups: ['team=ops'] }, settings)).toBeUndefined();
  });

  it.each([
    [{ ...base, OIDC_ROLE_MAP: 'ops=root' }, /OIDC_ROLE_MAP/],
    [{ ...base, OIDC_ROLE_MAP: 'ops' }, /OIDC_ROLE_MAP/],
    [{ ...base, OIDC_DEFAULT_ROLE: 'everyone' }, /OIDC_DEFAULT_ROLE/],
    [{ OIDC_ISSUER: 'https://login.example.com' }, /OIDC_CLIENT_ID/],
    [{ ...base, OIDC_ISSUER: 'not a url' }, /OIDC_ISSUER/],
  ])('names the variable of a bad setting (%o)', (env, message) => {
    expect(() => readOidcSettings(env)).toThrow(message);
  });
});
