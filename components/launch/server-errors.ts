import type { AppError } from '@/lib/errors';
import { CAPABILITIES } from '@/lib/stacks/tags';

/** A refused proposal, put back onto the form's fields. */
export interface ServerFormErrors {
  /** By parameter key, the server's messages (the same validator's, so the same words). */
  readonly parameters: Readonly<Record<string, string>>;
  readonly stackName: string | undefined;
  readonly tags: Readonly<Record<number, string>>;
  /** Set when the server asks for capabilities to be acknowledged again (C29). */
  readonly requiredCapabilities: readonly string[] | undefined;
  /** What to say above the form when the error belongs to no field. */
  readonly general: string | undefined;
  /** The name is taken by a stack in this region (C19: a failed first create must be deleted). */
  readonly stackExists: boolean;
}

// CloudFormation's InsufficientCapabilitiesException message, e.g.
// "Requires capabilities : [CAPABILITY_NAMED_IAM]".
const REQUIRES_CAPABILITIES = /Requires capabilities\s*:\s*\[([^\]]*)\]/;

/**
 * Maps a refused POST /api/launch onto the form: `bad_request:parameters` field errors by
 * parameter key, zod's `bad_request:validation` paths (`values.<Key>`, `stackName`,
 * `tags.<n>.key`) onto their fields, a taken stack name onto the name, and a capabilities
 * refusal (the server's code, or AWS's InsufficientCapabilitiesException text) into a new
 * acknowledgement prompt naming exactly the capabilities required.
 */
export function formErrorsFromServer(error: AppError): ServerFormErrors {
  const details = error.details ?? {};
  const parameters: Record<string, string> = {};
  const tags: Record<number, string> = {};
  let stackName: string | undefined;
  let general: string | undefined;

  if (error.code === 'bad_request:parameters') {
    Object.assign(parameters, stringRecord(details.fieldErrors));
  } else if (error.code === 'bad_request:validation') {
    for (const [path, message] of Object.entries(stringRecord(details.fields))) {
      const [head, second] = path.split('.');
      if (head === 'values' && second !== undefined) parameters[second] ??= message;
      else if (head === 'stackName') stackName ??= message;
      else if (head === 'tags' && second !== undefined && /^\d+$/.test(second)) {
        tags[Number(second)] ??= message;
      } else general ??= message;
    }
  } else if (error.code === 'conflict:stack_exists') {
    stackName = error.message;
  }

  const requiredCapabilities = capabilitiesAsked(error);
  const placed =
    Object.keys(parameters).length > 0 || stackName !== undefined || Object.keys(tags).length > 0;
  if (!placed && general === undefined) general = error.message;

  return {
    parameters,
    stackName,
    tags,
    requiredCapabilities,
    general,
    stackExists: error.code === 'conflict:stack_exists',
  };
}

function capabilitiesAsked(error: AppError): string[] | undefined {
  const known: readonly string[] = CAPABILITIES;
  const required = error.details?.required;
  if (error.code === 'bad_request:capabilities' && Array.isArray(required)) {
    return required.filter((item): item is string => typeof item === 'string');
  }
  const listed = REQUIRES_CAPABILITIES.exec(error.message)?.[1];
  if (listed === undefined) return undefined;
  return listed
    .split(',')
    .map((item) => item.trim())
    .filter((item) => known.includes(item));
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
