/**
 * ClientRequestTokens that make every stack operation idempotent per attempt and attribute it
 * to a person. CloudFormation copies the token onto every event of the operation, so the
 * dashboard's history reads who did what straight from the stack's events, shared by every
 * replica and surviving restarts. A token is at most 128 characters of `[A-Za-z0-9-]`.
 */

export type OperationKind = 'launch' | 'update' | 'scale' | 'delete' | 'rollback';

const KIND_CODE: Record<OperationKind, string> = {
  launch: 'jl',
  update: 'ju',
  scale: 'js',
  delete: 'jd',
  rollback: 'jr',
};
const CODE_KIND = new Map(
  Object.entries(KIND_CODE).map(([kind, code]) => [code, kind as OperationKind]),
);

/** A scale edit's change, encoded in its token so the history can say what changed. */
export interface EncodedChange {
  readonly key: string;
  readonly from: string;
  readonly to: string;
}

/** Short codes for the scale parameters, so the changes fit the token's 128 characters. */
const PARAMETER_CODE: Record<string, string> = {
  AgentInstanceCap: 'cap',
  WarmAgents: 'warm',
  AgentIdleMinutes: 'idle',
  AgentInstanceType: 'type',
  ControllerEnabled: 'ctl',
};
const CODE_PARAMETER = new Map(Object.entries(PARAMETER_CODE).map(([key, code]) => [code, key]));

/**
 * A person's name in token form: letters and digits only, at most 24, each word capitalised
 * so that it reads back ("Demo operator" → `DemoOperator`, shown as "Demo Operator").
 */
export function tokenUser(userName: string): string {
  const cleaned = userName
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')
    .slice(0, 24);
  return cleaned === '' ? 'unknown' : cleaned;
}

/** A token's user back in words: `DemoOperator` → "Demo Operator". */
export function displayTokenUser(user: string): string {
  return user.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}

/** An attempt id as given by the browser: 6–32 letters and digits. */
export const ATTEMPT_ID_PATTERN = /^[A-Za-z0-9]{6,32}$/;

// Values are written with '.' as 'D' (instance types such as t3.large are lower case) and
// must otherwise be letters and digits; anything else is left out of the token.
function encodeValue(value: string): string | undefined {
  if (/[A-Z]/.test(value)) return undefined;
  const encoded = value.replace(/\./g, 'D');
  return /^[A-Za-z0-9]{1,16}$/.test(encoded) ? encoded : undefined;
}

function decodeValue(value: string, key: string): string {
  return key === 'AgentInstanceType' ? value.replace(/D/g, '.') : value;
}

/**
 * The token of one attempt: kind, person, attempt id and, for scale edits, the changes.
 * Example: `js-alice-k3f9x2-cap-10-20-warm-0-2`.
 */
export function requestToken(
  kind: OperationKind,
  userName: string,
  attemptId: string,
  changes: readonly EncodedChange[] = [],
): string {
  let token = `${KIND_CODE[kind]}-${tokenUser(userName)}-${attemptId}`;
  for (const change of changes) {
    const code = PARAMETER_CODE[change.key];
    const from = encodeValue(change.from);
    const to = encodeValue(change.to);
    if (code === undefined || from === undefined || to === undefined) continue;
    const part = `-${code}-${from}-${to}`;
    if (token.length + part.length > 128) break;
    token += part;
  }
  return token;
}

/** What a token of ours says; undefined for tokens the dashboard did not issue. */
export interface ParsedToken {
  readonly kind: OperationKind;
  readonly user: string;
  readonly attemptId: string;
  readonly changes: readonly EncodedChange[];
}

export function parseRequestToken(token: string | undefined): ParsedToken | undefined {
  if (token === undefined) return undefined;
  const parts = token.split('-');
  const [code, user, attemptId, ...rest] = parts;
  const kind = code === undefined ? undefined : CODE_KIND.get(code);
  if (kind === undefined || user === undefined || attemptId === undefined) return undefined;
  if (!ATTEMPT_ID_PATTERN.test(attemptId)) return undefined;
  const changes: EncodedChange[] = [];
  for (let index = 0; index + 2 < rest.length; index += 3) {
    const key = CODE_PARAMETER.get(rest[index] ?? '');
    const from = rest[index + 1];
    const to = rest[index + 2];
    if (key === undefined || from === undefined || to === undefined) return undefined;
    changes.push({ key, from: decodeValue(from, key), to: decodeValue(to, key) });
  }
  return { kind, user, attemptId, changes };
}
