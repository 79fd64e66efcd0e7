import { AppError } from '../errors';

/**
 * What an AWS call's failure means to the person at the dashboard. The SDK names a service
 * error after AWS's error code, and each service spells the same trouble its own way (EC2's
 * UnauthorizedOperation is CloudFormation's AccessDenied and ECS's AccessDeniedException), so
 * the codes are grouped here by what the operator has to do about them.
 */

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);

const BAD_CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'ExpiredToken',
  'ExpiredTokenException',
  'AuthFailure',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  // The SDK's own: no provider in the chain had credentials to give.
  'CredentialsProviderError',
]);

const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'PriorRequestNotComplete',
]);

/** Node's names for a connection that never got an answer. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'TimeoutError',
]);

/** How long a caller should wait after AWS kept throttling through every retry. */
const THROTTLED_RETRY_AFTER_SECONDS = 5;

/** The property the clients' middleware sets on a failed call's error (see clients.ts). */
export const FAILED_OPERATION = Symbol.for('jenkins-on-aws.failedOperation');

interface SdkErrorShape {
  readonly name: string;
  readonly message: string;
  readonly code?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly [FAILED_OPERATION]?: string;
}

function asSdkError(error: unknown): SdkErrorShape | undefined {
  return error instanceof Error ? (error as unknown as SdkErrorShape) : undefined;
}

/** The IAM action of the call that failed, e.g. `cloudformation:CreateChangeSet`. */
export function failedOperation(error: unknown): string | undefined {
  return asSdkError(error)?.[FAILED_OPERATION];
}

/**
 * AWS's denial names the action and, for resource-level permissions, the resource; the
 * principal before them is the dashboard's own role session and is left out.
 */
function deniedCall(error: SdkErrorShape): { action: string; resource: string | undefined } {
  const action = /not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9]+)/.exec(error.message)?.[1];
  const resource = /\bon resource:? (arn:\S+?)(?:\s|$)/.exec(error.message)?.[1];
  return { action: action ?? error[FAILED_OPERATION] ?? 'this call', resource };
}

function accessDenied(error: SdkErrorShape): AppError {
  const { action, resource } = deniedCall(error);
  const what = resource === undefined ? action : `${action} on ${resource}`;
  const remedy = /:stack\//.test(resource ?? '')
    ? 'The shipped policy (deploy/iam/dashboard-policy.json) changes only stacks whose names start with its StackNamePrefix, jenkins- by default: use such a name, or widen the role.'
    : 'Grant it in the role’s policy; deploy/iam/dashboard-policy.json lists every call the dashboard makes.';
  return new AppError(
    'forbidden:aws_permission',
    `AWS denied ${what}: the dashboard’s IAM role does not allow it. ${remedy}`,
    resource === undefined ? { action } : { action, resource },
  );
}

/**
 * The coded error an AWS failure answers as, or undefined when it means nothing beyond
 * "the call failed" (a caller that knows the operation maps those itself). Only AWS's error
 * code is repeated, never its message, which names the role session and may echo input.
 */
export function explainAwsError(error: unknown): AppError | undefined {
  const sdkError = asSdkError(error);
  if (sdkError === undefined) return undefined;
  const { name } = sdkError;
  const code = typeof sdkError.code === 'string' ? sdkError.code : name;
  const operation = sdkError[FAILED_OPERATION];
  const service = operation === undefined ? 'AWS' : `AWS (${operation.split(':')[0]})`;

  if (ACCESS_DENIED.has(name)) return accessDenied(sdkError);
  if (BAD_CREDENTIALS.has(name)) {
    return new AppError(
      'unavailable:aws_credentials',
      `AWS did not accept the dashboard’s credentials (${name}). Check the IAM role, AWS_PROFILE or AWS_ACCESS_KEY_ID the dashboard runs with.`,
      { awsCode: name },
    );
  }
  if (THROTTLED.has(name)) {
    return new AppError(
      'rate_limited:aws',
      `AWS kept throttling the dashboard’s calls (${name}) through every retry; try again in a few seconds.`,
      { awsCode: name, retryAfterSeconds: THROTTLED_RETRY_AFTER_SECONDS },
    );
  }
  if (UNREACHABLE.has(code) || UNREACHABLE.has(name)) {
    return new AppError(
      'unavailable:aws',
      `${service} could not be reached (${code}); try again shortly.`,
      { awsCode: code },
    );
  }
  const status = sdkError.$metadata?.httpStatusCode;
  if (sdkError.$fault === 'server' || (status !== undefined && status >= 500)) {
    return new AppError(
      'unavailable:aws',
      `${service} failed on its side (${name}); try again shortly.`,
      { awsCode: name },
    );
  }
  return undefined;
}

/** A one-line reason for a failure shown beside stale data: the explanation, else the code. */
export function awsFailureReason(error: unknown): string {
  const explained = explainAwsError(error);
  if (explained !== undefined) return explained.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

// A resource the stack's outputs still name after it was deleted (the cluster and target group
// go before the stack does, and a person may delete them by hand): AWS says so with these.
const GONE = new Set([
  'ClusterNotFoundException',
  'ServiceNotFoundException',
  'TargetGroupNotFoundException',
]);

/** The read's answer, or `nothing` when AWS says the resource it reads no longer exists. */
export async function unlessGone<T>(read: Promise<T>, nothing: T): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof Error && GONE.has(error.name)) return nothing;
    throw error;
  }
}
