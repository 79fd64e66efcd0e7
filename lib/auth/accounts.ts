import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { ROLES, type User } from './roles';

/**
 * Local accounts, from the JSON file named by DASHBOARD_USERS_FILE or the JSON in
 * DASHBOARD_USERS: `[{ "username", "name", "role", "passwordHash" }]`, hashes made by
 * `npx tsx scripts/hash-password.ts` (Argon2id). Read at each sign-in, so editing the file takes effect
 * without a restart.
 */
export interface LocalAccount {
  readonly username: string;
  readonly name: string;
  readonly role: User['role'];
  readonly passwordHash: string;
}

export const USERNAME = /^[A-Za-z0-9._@-]{1,64}$/;

const accountsSchema = z
  .array(
    z.object({
      username: z.string().regex(USERNAME, 'letters, digits and . _ @ - only, at most 64'),
      name: z.string().min(1).max(100),
      role: z.enum(ROLES),
      passwordHash: z
        .string()
        .startsWith('$argon2', 'an Argon2 hash from scripts/hash-password.ts'),
    }),
  )
  .refine(
    (accounts) =>
      new Set(accounts.map((account) => account.username.toLowerCase())).size === accounts.length,
    'usernames must be unique',
  );

function configError(source: string, detail: string): AppError {
  return new AppError('internal:config', `Configuration error: ${source} ${detail}`);
}

async function readSource(
  env: Record<string, string | undefined>,
): Promise<[string, string] | undefined> {
  const file = env.DASHBOARD_USERS_FILE?.trim();
  const inline = env.DASHBOARD_USERS?.trim();
  if (file && inline) {
    throw configError('DASHBOARD_USERS_FILE and DASHBOARD_USERS', 'are both set; set only one.');
  }
  if (file) {
    try {
      return [`DASHBOARD_USERS_FILE (${file})`, await readFile(file, 'utf8')];
    } catch (error) {
      throw new AppError(
        'internal:config',
        `Configuration error: DASHBOARD_USERS_FILE cannot be read.`,
        undefined,
        {
          cause: error,
        },
      );
    }
  }
  return inline ? ['DASHBOARD_USERS', inline] : undefined;
}

/**
 * All local accounts; none when neither variable is set (then only single sign-on works).
 * A malformed source fails with a message naming the variable and the bad entry, never a hash.
 */
export async function readLocalAccounts(
  env: Record<string, string | undefined> = process.env,
): Promise<readonly LocalAccount[]> {
  const source = await readSource(env);
  if (source === undefined) return [];
  const [name, text] = source;

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw configError(name, 'is not valid JSON.');
  }
  const parsed = accountsSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'list'}: ${issue.message}`,
    );
    throw configError(name, `has invalid accounts (${problems.join('; ')}).`);
  }
  return parsed.data;
}

/** The local account with this username (case-insensitive), if any. */
export async function findLocalAccount(
  username: string,
  env: Record<string, string | undefined> = process.env,
): Promise<LocalAccount | undefined> {
  const wanted = username.toLowerCase();
  return (await readLocalAccounts(env)).find(
    (account) => account.username.toLowerCase() === wanted,
  );
}

/** The session user for a local account. */
export function localUser(account: LocalAccount): User {
  return {
    id: `local:${account.username}`,
    name: account.name,
    role: account.role,
    provider: 'local',
  };
}
