/**
 * The one error type of the dashboard. Its code reads `kind:surface` (for example
 * `conflict:scale`, `not_found:stack`): the kind decides the HTTP status and whether it is
 * logged as an error, the surface says which part of the product raised it. The browser's
 * fetcher rebuilds it from the JSON body, so components branch on codes, not on messages.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export type ErrorCode = `${ErrorKind}:${string}`;

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** The JSON body every failed API call answers with. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  /** Machine-readable specifics: field errors, fresh values on a conflict, a link to follow. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get kind(): ErrorKind {
    return this.code.split(':')[0] as ErrorKind;
  }

  get status(): number {
    return STATUS_BY_KIND[this.kind];
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
