import { describe, expect, it } from 'vitest';
import { POST as signOut } from '@/app/api/auth/signout/route';
import { sessionFromRequest } from '@/lib/auth/session';
import { TEST_ORIGIN, dashboardRequest, segment, withAuthEnvironment } from '@/test/support/auth';

withAuthEnvironment();

describe('POST /api/auth/signout', () => {
  it('clears the cookie and the old session no longer opens', async () => {
    const request = await dashboardRequest('/api/auth/signout', {
      method: 'POST',
      role: 'operator',
    });
    const cookie = request.headers.get('cookie') ?? '';
    const response = await signOut(request, segment());
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^dashboard-session=; .*Max-Age=0/);
    expect(
      await sessionFromRequest(new Request(`${TEST_ORIGIN}/`, { headers: { cookie } })),
    ).toBeUndefined();
  });

  it('refuses a cross-origin sign-out, so no site can sign you out', async () => {
    const request = await dashboardRequest('/api/auth/signout', {
      method: 'POST',
      role: 'operator',
      origin: 'https://evil.example',
    });
    const cookie = request.headers.get('cookie') ?? '';
    expect((await signOut(request, segment())).status).toBe(403);
    expect(
      await sessionFromRequest(new Request(`${TEST_ORIGIN}/`, { headers: { cookie } })),
    ).toBeDefined();
  });
});
