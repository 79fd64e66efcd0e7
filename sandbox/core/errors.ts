/**
 * An error the sandbox answers in the wire shape of the service's protocol, so that the SDK
 * maps it to its named exception (for example `ValidationError`, `ThrottlingException`).
 */
export class AwsServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 400,
    readonly fault: 'Sender' | 'Receiver' = statusCode >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}
