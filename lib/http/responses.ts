import { z } from 'zod';
import { explainAwsError } from '@/lib/aws/errors';
import { AppError, isAppError, type ErrorCode } from '@/lib/errors';

/** Zod issues as `details.fields`: dotted path → first message for that path. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(root)';
    fields[path] ??= issue.message;
  }
  return fields;
}

/**
 * The AppError a thrown value answers as: AWS failures the operator can act on (a denied
 * permission, bad credentials, throttling, AWS unreachable) say what to do; unknown values
 * become a bare `internal:server`.
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const aws = explainAwsError(error);
  if (aws !== undefined) return aws;
  if (error instanceof z.ZodError) {
    return new AppError('bad_request:validation', 'Some values are not valid.', {
      fields: fieldErrors(error),
    });
  }
  // Never echo an unknown error's message: it may carry SDK internals, ARNs or values.
  return new AppError('internal:server', 'Something went wrong on the server.');
}

/** The JSON error response for a thrown value. */
export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  const response = Response.json(appError.toBody(), { status: appError.status });
  const retryAfter = appError.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') response.headers.set('retry-after', String(retryAfter));
  return response;
}

/** How a request ended, for its log line and its audit line. */
export function requestOutcome(
  status: number,
  failure: unknown,
): { name: 'succeeded' | 'refused' | 'failed'; code: ErrorCode | undefined; unexpected: boolean } {
  const code = failure === undefined ? undefined : toAppError(failure).code;
  const name = status >= 500 ? 'failed' : status >= 400 ? 'refused' : 'succeeded';
  return { name, code, unexpected: status >= 500 };
}
