import { describe, expect, it } from 'vitest';
import { readLocalAccounts } from '@/lib/auth/accounts';
import { createDemoOperator } from '@/lib/auth/demo';
import { verifyPassword } from '@/lib/auth/passwords';

describe('demo operator', () => {
  it('is an operator account whose one-time password matches its hash and is never stored', async () => {
    const demo = createDemoOperator();
    const [account] = await readLocalAccounts({ DASHBOARD_USERS: demo.usersJson });
    expect(account).toMatchObject({ username: 'demo', role: 'operator' });
    expect(await verifyPassword(account?.passwordHash ?? '', demo.password)).toBe(true);
    expect(demo.usersJson).not.toContain(demo.password);
  });

  it('makes a new password every time', () => {
    expect(createDemoOperator().password).not.toBe(createDemoOperator().password);
    expect(createDemoOperator().password.length).toBeGreaterThanOrEqual(20);
  });
});
