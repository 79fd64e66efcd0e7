/**
 * CloudFormation's rule for stack names: a letter first, then letters, digits and hyphens,
 * at most 128 characters. Checked before any path segment is used, in the browser and on the
 * server alike (plain patterns here, so the browser bundle needs no schema library).
 */
export const STACK_NAME_PATTERN = /^[A-Za-z][-A-Za-z0-9]{0,127}$/;

export const STACK_NAME_RULE =
  'A stack name starts with a letter and holds only letters, digits and hyphens (at most 128).';

/** Region names as AWS writes them (eu-west-1, us-gov-west-1). */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/**
 * The name rule a dashboard adds when its IAM role may change only stacks named with a prefix
 * (DASHBOARD_STACK_NAME_PREFIX, the role's StackNamePrefix): said before AWS would refuse it.
 */
export function stackNamePrefixProblem(
  name: string,
  prefix: string | undefined,
): string | undefined {
  if (prefix === undefined || name.startsWith(prefix)) return undefined;
  return `This dashboard’s IAM role may change only stacks whose names start with ${prefix}; name it ${prefix}… (for example ${prefix}ci).`;
}

/** Why an existing stack outside the dashboard's prefix can be watched but not changed here. */
export function unmanagedStackRefusal(
  name: string,
  prefix: string | undefined,
): string | undefined {
  if (prefix === undefined || name.startsWith(prefix)) return undefined;
  return `This dashboard’s IAM role may change only stacks named ${prefix}…; ${name} can be watched here, not changed. To change it, use credentials that may, or widen the role’s StackNamePrefix and DASHBOARD_STACK_NAME_PREFIX.`;
}
