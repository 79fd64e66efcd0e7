import { AppError } from '@/lib/errors';

/** Request bodies larger than this are refused unless a route sets its own limit. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

/**
 * Tells whether a Content-Type names JSON (`application/json`, `application/x+json`, with or
 * without parameters). HTML forms can only send form-encoded, multipart or text/plain bodies
 * cross-site without a preflight, so insisting on JSON closes that route for forged requests.
 */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const mediaType = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return JSON_TYPE.test(mediaType);
}

/**
 * Refuses a request body whose Content-Type is present but not JSON. A request without a body
 * and without a Content-Type passes (a DELETE, for example).
 */
export function assertJsonOrEmpty(request: Request): void {
  const contentType = request.headers.get('content-type');
  const declaredLength = request.headers.get('content-length');
  const hasBody = contentType !== null || (declaredLength !== null && declaredLength !== '0');
  if (hasBody && !isJsonContentType(contentType)) {
    throw new AppError('unsupported_media_type:body', 'Send the request body as application/json.');
  }
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (request.body === null) return '';

  // Content-Length may be absent (chunked) or wrong, so count what actually arrives.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    'payload_too_large:body',
    `The request body is larger than ${maxBytes} bytes.`,
    {
      maxBytes,
    },
  );
}

/**
 * Reads a JSON request body: JSON Content-Type required (415), at most `maxBytes` (413), valid
 * JSON (400). An empty body reads as undefined so the route's schema decides whether that is
 * allowed.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const contentType = request.headers.get('content-type');
  if (contentType !== null && !isJsonContentType(contentType)) {
    throw new AppError('unsupported_media_type:body', 'Send the request body as application/json.');
  }

  const text = await readLimited(request, maxBytes);
  if (text.trim() === '') return undefined;
  if (contentType === null) {
    throw new AppError('unsupported_media_type:body', 'Send the request body as application/json.');
  }

  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('bad_request:json', 'The request body is not valid JSON.');
  }
}
