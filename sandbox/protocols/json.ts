import type { AwsServiceError } from '../core/errors';
import type { ProtocolWriter, WireResponse } from './wire';

/**
 * awsJson1_1 (ECS, SSM): the result as JSON with timestamps as epoch seconds, errors as
 * `{"__type": code, "message": …}` plus the `x-amzn-errortype` header the SDK also reads.
 */
export const jsonProtocol: ProtocolWriter = {
  result(_operation, output, requestId): WireResponse {
    return {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
      body: JSON.stringify(toJsonValue(output ?? {})),
    };
  },

  error(error: AwsServiceError, requestId): WireResponse {
    return {
      status: error.statusCode,
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': error.code,
      },
      body: JSON.stringify({ __type: error.code, message: error.message }),
    };
  },
};

function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (child !== undefined) out[key] = toJsonValue(child);
    }
    return out;
  }
  return value;
}
