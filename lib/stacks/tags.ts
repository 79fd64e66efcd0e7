/**
 * CloudFormation's rules for stack tags (key 1–128 characters, not starting with `aws:`,
 * value at most 256), as one function both the launch form and the server's schema use, so
 * the browser needs no schema library to give the same message.
 */
export function tagProblem(tag: { key: string; value: string }): string | undefined {
  if (tag.key.length === 0) return 'A tag needs a key.';
  if (tag.key.length > 128) return 'Tag keys are at most 128 characters.';
  if (tag.key.toLowerCase().startsWith('aws:')) return 'Tag keys cannot start with aws:.';
  if (tag.value.length > 256) return 'Tag values are at most 256 characters.';
  return undefined;
}

export const MAX_TAGS = 50;

/** The capabilities a stack operation can acknowledge. */
export const CAPABILITIES = [
  'CAPABILITY_IAM',
  'CAPABILITY_NAMED_IAM',
  'CAPABILITY_AUTO_EXPAND',
] as const;
