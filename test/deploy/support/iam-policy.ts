/**
 * A small evaluator of identity-based IAM policies, enough to prove what the dashboard's
 * policy allows: Allow statements only (the policy has no Deny), Action and Resource with
 * `*` and `?` wildcards, and the condition operators the policy uses. An operator it does
 * not know fails loudly rather than guessing.
 */

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<
    Record<string, Readonly<Record<string, string | readonly string[]>>>
  >;
}

export interface PolicyDocument {
  readonly Version: string;
  readonly Statement: readonly PolicyStatement[];
}

/** One request to authorise: `service:Action`, the resource's ARN, the request context. */
export interface AuthorizationRequest {
  readonly action: string;
  readonly resource: string;
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

const list = (value: string | readonly string[]): readonly string[] =>
  typeof value === 'string' ? [value] : value;

function globMatches(pattern: string, value: string, caseInsensitive: boolean): boolean {
  const source = pattern
    .split('')
    .map((char) =>
      char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`, caseInsensitive ? 'i' : '').test(value);
}

function conditionHolds(
  operator: string,
  key: string,
  expected: readonly string[],
  context: Readonly<Record<string, string | readonly string[]>>,
): boolean {
  const present = context[key];
  const actual = present === undefined ? undefined : list(present);
  const equals = (value: string) => expected.includes(value);
  const like = (value: string) => expected.some((pattern) => globMatches(pattern, value, false));

  switch (operator) {
    case 'StringEquals':
    case 'ArnEquals':
      return actual !== undefined && actual.length === 1 && equals(actual[0] ?? '');
    case 'StringLike':
    case 'ArnLike':
      return actual !== undefined && actual.length === 1 && like(actual[0] ?? '');
    case 'StringEqualsIfExists':
      return actual === undefined || (actual.length === 1 && equals(actual[0] ?? ''));
    case 'ForAnyValue:StringEquals':
      return actual !== undefined && actual.some(equals);
    default:
      throw new Error(`The evaluator does not know the condition operator ${operator}.`);
  }
}

function statementAllows(statement: PolicyStatement, request: AuthorizationRequest): boolean {
  if (statement.Effect !== 'Allow') throw new Error('The evaluator handles Allow statements only.');
  const actionMatches = list(statement.Action).some((pattern) =>
    globMatches(pattern, request.action, true),
  );
  const resourceMatches = list(statement.Resource).some((pattern) =>
    globMatches(pattern, request.resource, false),
  );
  if (!actionMatches || !resourceMatches) return false;
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, values]) =>
      conditionHolds(operator, key, list(values), request.context ?? {}),
    ),
  );
}

/** The statements of `policy` that allow `request` (empty: the request is denied). */
export function allowingStatements(
  policy: PolicyDocument,
  request: AuthorizationRequest,
): PolicyStatement[] {
  return policy.Statement.filter((statement) => statementAllows(statement, request));
}

/** Every action the policy names, as written. */
export function grantedActions(policy: PolicyDocument): string[] {
  return [...new Set(policy.Statement.flatMap((statement) => list(statement.Action)))].sort();
}

/** Whether a statement only applies to calls CloudFormation makes on the caller's behalf. */
export function onlyViaCloudFormation(statement: PolicyStatement): boolean {
  const calledVia = statement.Condition?.['ForAnyValue:StringEquals']?.['aws:CalledVia'];
  return calledVia !== undefined && list(calledVia).every((service) => service === CLOUDFORMATION);
}

export const CLOUDFORMATION = 'cloudformation.amazonaws.com';
