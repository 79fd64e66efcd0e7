import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLocalAccount, localUser, readLocalAccounts } from '@/lib/auth/accounts';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';

let directory: string;
let passwordHash: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'accounts-'));
  passwordHash = await hashPassword('correct horse battery staple');
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('local accounts', () => {
  it('reads accounts from the file named by DASHBOARD_USERS_FILE', async () => {
    const file = join(directory, 'users.json');
    await writeFile(
      file,
      JSON.stringify([{ username: 'ada', name: 'Ada', role: 'admin', passwordHash }]),
    );
    const accounts = await readLocalAccounts({ DASHBOARD_USERS_FILE: file });
    expect(accounts.map((account) => account.username)).toEqual(['ada']);
  });

  it('reads accounts from DASHBOARD_USERS and finds them case-insensitively', async () => {
    const env = {
      DASHBOARD_USERS: JSON.stringify([
        { username: 'Ops', name: 'Ops', role: 'operator', passwordHash },
      ]),
    };
    const account = await findLocalAccount('ops', env);
    expect(account && localUser(account)).toEqual({
      id: 'local:Ops',
      name: 'Ops',
      role: 'operator',
      provider: 'local',
    });
  });

  it('has no accounts when neither variable is set', async () => {
    expect(await readLocalAccounts({})).toEqual([]);
  });

  it('refuses both variables at once', async () => {
    await expect(
      readLocalAccounts({ DASHBOARD_USERS_FILE: '/x', DASHBOARD_USERS: '[]' }),
    ).rejects.toThrow(/only one/);
  });

  it('names the bad entry without echoing any hash', async () => {
    const env = {
      DASHBOARD_USERS: JSON.stringify([
        { username: 'ada', name: 'Ada', role: 'admin', passwordHash },
        { username: 'bob', name: 'Bob', role: 'root', passwordHash: 'plain-text-password' },
      ]),
    };
    const failure = await readLocalAccounts(env).catch((error: Error) => error);
    expect(String(failure)).toMatch(
      /DASHBOARD_USERS has invalid accounts \(1\.role: .*1\.passwordHash/,
    );
    expect(String(failure)).not.toContain('plain-text-password');
    expect(String(failure)).not.toContain(passwordHash);
  });

  it('refuses duplicate usernames', async () => {
    const entry = { username: 'ada', name: 'Ada', role: 'admin', passwordHash };
    const env = { DASHBOARD_USERS: JSON.stringify([entry, { ...entry, username: 'ADA' }]) };
    await expect(readLocalAccounts(env)).rejects.toThrow(/unique/);
  });

  it('verifies passwords with the stored Argon2id hash', async () => {
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(passwordHash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(passwordHash, 'wrong')).toBe(false);
    expect(await verifyPassword('not a hash', 'wrong')).toBe(false);
  });
});
