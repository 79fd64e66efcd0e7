import { readLocalAccounts } from '@/lib/auth/accounts';
import { readOidcSettings } from '@/lib/auth/oidc-settings';
import { readAuthSettings } from '@/lib/auth/settings';
import { readConfig } from '@/lib/config';

type Environment = Record<string, string | undefined>;

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** LOG_LEVEL, checked here because the logger itself would only fail with pino's wording. */
function readLogLevel(env: Environment): void {
  const level = env.LOG_LEVEL;
  if (level === undefined || LOG_LEVELS.includes(level)) return;
  throw new Error(
    `Configuration error: LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${level}".`,
  );
}

/** The same readers the server uses at first use, run together so one start names every fault. */
const READERS: readonly ((env: Environment) => unknown)[] = [
  readConfig,
  readAuthSettings,
  readOidcSettings,
  readLocalAccounts,
  readLogLevel,
];

/** The reader's message, plus the system's reason when a file could not be read. */
function describeProblem(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  return cause instanceof Error && 'code' in cause
    ? `${error.message} (${cause.message})`
    : error.message;
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
