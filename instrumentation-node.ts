import { readLocalAccounts } from '@/lib/auth/accounts';
import { readOidcSettings } from '@/lib/auth/oidc-settings';
import { readAuthSettings } from '@/lib/auth/settings';
import { readConfig } from '@/lib/config';

type Environment = Record<string, string | undefined>;

/** The same readers the server uses at first use, run together so one start names every fault. */
const READERS: readonly ((env: Environment) => unknown)[] = [
  readConfig,
  readAuthSettings,
  readOidcSettings,
  readLocalAccounts,
];

/** The reader's message, plus the system's reason when a file could not be read. */
function describeProblem(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  return cause instanceof Error && 'code' in cause ? `${error.message} (${cause.message})` : error.message;
}

/**
 * Checks every setting of the dashboard against an environment and returns one message per
 * wrong setting (empty when all are good). Each message comes from the setting's own reader,
 * so it names the variable and says what a right value looks like; none echoes a secret.
 */
export async function settingsProblems(env: Environment = process.env): Promise<string[]> {
  const problems: string[] = [];
  for (const read of READERS) {
    try {
      await read(env);
    } catch (error) {
      problems.push(describeProblem(error));
    }
  }
  return problems;
}
