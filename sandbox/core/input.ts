import { AwsServiceError } from './errors';

/**
 * Readers for decoded request input. Query protocols deliver everything as strings (numbered
 * lists as arrays, an empty list as `''`); JSON delivers typed values. These readers accept both.
 */

export function stringList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map(String);
  return [String(value)];
}

export function optionalString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}

export function optionalInt(value: unknown, parameter: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) {
    throw new AwsServiceError(
      'ValidationError',
      `Invalid value for ${parameter}: ${String(value)}`,
    );
  }
  return parsed;
}

export function recordList(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
  );
}

/** Opaque pagination tokens: the offset into a stable listing, base64url-encoded. */
export function encodePageToken(offset: number, scope = ''): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope })).toString('base64url');
}

/** Reads a token made by `encodePageToken`; undefined when it is not one of ours. */
export function decodePageToken(token: string, scope = ''): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      o?: unknown;
      s?: unknown;
    };
    if (typeof parsed.o === 'number' && parsed.o >= 0 && (parsed.s ?? '') === scope)
      return parsed.o;
  } catch {
    // falls through: not a token this sandbox issued
  }
  return undefined;
}
