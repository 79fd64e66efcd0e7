import { describe, expect, it } from 'vitest';
import { readLocalAccounts } from '@/lib/auth/accounts';
import { createDemoAccounts } from '@/lib/auth/demo';
import { verifyPassword } from '@/lib/auth/passwords';

describe('demo accounts', () => {
  it('are an operator and an admin whose one-time passwords match their hashes and are never stored', async () => {
    const demo = createDemoAccounts();
    const accounts = await readLocalAccounts({ DASHBOARD_USERS: demo.usersJson });
    expect(accounts.map(({ username, role }) => ({ username, role }))).toEqual([
      { username: 'demo', role: 'operator' },
      { username: 'admin', role: 'admin' },
    ]);
    for (const [index, printed] of demo.accounts.entries()) {
      expect(await verifyPassword(accounts[index]?.passwordHash ?? '', printed.password)).toBe(
        true,
      );
      expect(demo.usersJson).not.toContain(printed.password);
    }
  });

  it('makes new passwords every time, one per account', () => {
    const [operator, admin] = createDemoAccounts().accounts;
    expect(operator?.password).not.toBe(createDemoAccounts().accounts[0]?.password);
    expect(operator?.password).not.toBe(admin?.password);
    expect(operator?.password.length).toBeGreaterThanOrEqual(20);
  });
});
