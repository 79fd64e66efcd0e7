import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/lib/auth/next-path';

describe('safeNextPath', () => {
  it('keeps a path on the dashboard with its query and hash', () => {
    expect(safeNextPath('/stacks/ci?region=eu-west-1#events')).toBe(
      '/stacks/ci?region=eu-west-1#events',
    );
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'stacks',
    '',
    null,
    undefined,
  ])('turns %s into /', (value) => {
    expect(safeNextPath(value)).toBe('/');
  });

  it('does not send anyone to an API route after sign-in', () => {
    expect(safeNextPath('/api/auth/signout')).toBe('/');
  });
});
