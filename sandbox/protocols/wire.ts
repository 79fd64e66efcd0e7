import type { AwsServiceError } from '../core/errors';

/** An HTTP answer before it is written to the socket. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** How one protocol writes results and errors. */
export interface ProtocolWriter {
  result(operation: string, output: unknown, requestId: string, namespace: string): WireResponse;
  error(error: AwsServiceError, requestId: string, namespace: string): WireResponse;
}
