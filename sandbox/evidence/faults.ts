import { AwsServiceError } from '../core/errors';
import { SeededRandom } from '../core/random';
import type { FaultDecision } from '../core/types';

/**
 * One fault rule from the control API. A rule matches a call when every field it names matches;
 * `throttlePercent` and `errorPercent` are chances per matching call, `latencyMs` is added to
 * every matching call, and `remaining` (when set) limits how many calls the rule may fail.
 */
export interface FaultRule {
  readonly service?: string;
  readonly operation?: string;
  readonly region?: string;
  readonly throttlePercent?: number;
  readonly errorPercent?: number;
  /** HTTP status for `errorPercent` failures: 500 (default) or 503. */
  readonly errorStatus?: 500 | 503;
  /**
   * Refuses every matching call as IAM would: `access` as a policy that does not allow the
   * action, `credentials` as keys AWS does not recognise.
   */
  readonly deny?: 'access' | 'credentials';
  readonly latencyMs?: number;
  remaining?: number;
}

/** AWS's throttling answer per SigV4 service name (code, message, HTTP status). */
const THROTTLING: Record<string, [string, string, number]> = {
  cloudformation: ['Throttling', 'Rate exceeded', 400],
  elasticloadbalancing: ['Throttling', 'Rate exceeded', 400],
  ec2: ['RequestLimitExceeded', 'Request limit exceeded.', 503],
  ecs: ['ThrottlingException', 'Rate exceeded', 400],
  ssm: ['ThrottlingException', 'Rate exceeded', 400],
  route53: ['Throttling', 'Rate exceeded', 400],
};

/** AWS's server-side failure codes per service. */
const SERVER_ERROR: Record<string, [string, string]> = {
  cloudformation: ['InternalFailure', 'An internal error occurred.'],
  elasticloadbalancing: ['InternalFailure', 'An internal error occurred.'],
  ec2: ['InternalError', 'An internal error has occurred'],
  ecs: ['ServerException', 'Service encountered an internal error.'],
  ssm: ['InternalServerError', 'An internal error occurred.'],
  route53: ['InternalFailure', 'An internal error occurred.'],
};

const UNAVAILABLE: [string, string] = ['ServiceUnavailable', 'Service is unavailable.'];

/** The role session the sandbox's IAM denials name, as AWS names the caller's. */
const SANDBOX_PRINCIPAL = 'arn:aws:sts::000000000000:assumed-role/jenkins-dashboard/sandbox';

/**
 * The resource IAM checks a call against, where a denial names one: a CloudFormation call on a
 * stack names `arn:…:stack/<name>/*` (or the stack's ARN when the call gave it).
 */
export function deniedResource(
  service: string,
  input: Readonly<Record<string, unknown>>,
  region: string,
  accountId: string,
): string | undefined {
  const stack = input.StackName;
  if (service !== 'cloudformation' || typeof stack !== 'string' || stack === '') return undefined;
  return stack.startsWith('arn:')
    ? stack
    : `arn:aws:cloudformation:${region}:${accountId}:stack/${stack}/*`;
}

/** AWS's answer when the caller's policy does not allow the action, per service. */
function accessDenied(
  service: string,
  operation: string,
  resource: string | undefined,
): AwsServiceError {
  const action = `${service}:${operation}`;
  const on = resource === undefined ? '' : ` on resource: ${resource}`;
  const because = `because no identity-based policy allows the ${action} action`;
  const denial = `User: ${SANDBOX_PRINCIPAL} is not authorized to perform: ${action}${on} ${because}`;
  switch (service) {
    case 'ec2':
      return new AwsServiceError(
        'UnauthorizedOperation',
        `You are not authorized to perform this operation. ${denial}`,
        403,
      );
    case 'ecs':
    case 'ssm':
      return new AwsServiceError('AccessDeniedException', denial, 400);
    default:
      return new AwsServiceError('AccessDenied', denial, 403);
  }
}

/** AWS's answer to an access key it does not know, per service. */
function unknownCredentials(service: string): AwsServiceError {
  switch (service) {
    case 'ec2':
      return new AwsServiceError(
        'AuthFailure',
        'AWS was not able to validate the provided access credentials',
        401,
      );
    case 'ecs':
    case 'ssm':
      return new AwsServiceError(
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
        400,
      );
    default:
      return new AwsServiceError(
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
        403,
      );
  }
}

/**
 * The fault layer consulted before every AWS call. Decisions come from seeded generators that
 * restart whenever the rules are set, so a test that sets a 50% throttle sees the same calls
 * fail on every run.
 *
 * Each operation in each region draws from its own generator. One shared generator would hand
 * its numbers out in whatever order concurrent calls arrive, so which of a snapshot's parallel
 * calls got throttled would change from run to run; per operation, the n-th DescribeTargetHealth
 * (retries included) meets the same fate however the other calls interleave.
 */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private readonly streams = new Map<string, SeededRandom>();

  constructor(private readonly seed: number) {}

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ ...rule }));
    this.streams.clear();
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** `resource` is what an IAM denial of this call names (see `deniedResource`). */
  decide(service: string, operation: string, region: string, resource?: string): FaultDecision {
    let delayMs = 0;
    let error: AwsServiceError | undefined;
    const random = this.stream(`${region}/${service}/${operation}`);

    for (const rule of this.rules) {
      if (!matches(rule, service, operation, region)) continue;
      delayMs += rule.latencyMs ?? 0;
      if (error || rule.remaining === 0) continue;

      if (rule.deny !== undefined) {
        error =
          rule.deny === 'access'
            ? accessDenied(service, operation, resource)
            : unknownCredentials(service);
      } else if (rule.throttlePercent && random.next() * 100 < rule.throttlePercent) {
        const [code, message, status] = THROTTLING[service] ?? ['Throttling', 'Rate exceeded', 400];
        error = new AwsServiceError(code, message, status);
      } else if (rule.errorPercent && random.next() * 100 < rule.errorPercent) {
        const status = rule.errorStatus ?? 500;
        const [code, message] =
          status === 503 ? UNAVAILABLE : (SERVER_ERROR[service] ?? ['InternalFailure', 'Error']);
        error = new AwsServiceError(code, message, status);
      }
      if (error && rule.remaining !== undefined) rule.remaining -= 1;
    }

    return error ? { delayMs, error } : { delayMs };
  }

  private stream(key: string): SeededRandom {
    let random = this.streams.get(key);
    if (random === undefined) {
      random = new SeededRandom(streamSeed(this.seed, key));
      this.streams.set(key, random);
    }
    return random;
  }
}

/** The sandbox's seed mixed with the stream's name (FNV-1a), so each stream starts elsewhere. */
function streamSeed(seed: number, key: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
}

function matches(rule: FaultRule, service: string, operation: string, region: string): boolean {
  return (
    (rule.service === undefined || rule.service === service) &&
    (rule.operation === undefined || rule.operation === operation) &&
    (rule.region === undefined || rule.region === region)
  );
}
