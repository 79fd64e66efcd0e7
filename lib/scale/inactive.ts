import { readTemplateText } from '../template';
import type { TemplateSource } from '../stacks/templates';

function references(value: unknown, key: string): boolean {
  if (typeof value === 'string') return value.includes(`\${${key}}`);
  if (Array.isArray(value)) return value.some((item) => references(item, key));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(
      ([field, inner]) => (field === 'Ref' && inner === key) || references(inner, key),
    );
  }
  return false;
}

/**
 * Why a parameter edit may have had no effect (C02): every resource and output that uses it
 * sits under a Condition, so with the condition false CloudFormation sees nothing to change.
 * Returns a sentence for the operator, or undefined when the parameter is used unconditionally.
 */
export function inactiveParameterReason(
  template: TemplateSource,
  keys: readonly string[],
): string | undefined {
  const document = readTemplateText(template.body);
  const sections = [document.Resources, document.Outputs].filter(
    (section): section is Record<string, Record<string, unknown>> =>
      typeof section === 'object' && section !== null,
  );
  const notes: string[] = [];
  for (const key of keys) {
    const users = sections.flatMap((section) =>
      Object.values(section).filter((entry) => references(entry, key)),
    );
    if (users.length === 0) {
      notes.push(`${key} is not used by any resource`);
      continue;
    }
    const conditions = users.map((entry) => entry.Condition);
    if (conditions.every((condition) => typeof condition === 'string')) {
      notes.push(`${key} is only used when ${[...new Set(conditions)].join(' or ')} holds`);
    }
  }
  return notes.length === 0
    ? undefined
    : `Nothing changed: ${notes.join('; ')}, so CloudFormation kept the deployed values.`;
}
