import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readTemplateText } from '@/lib/template/read';

/** Absolute path of the product's CloudFormation template. */
export const STACK_TEMPLATE_PATH = fileURLToPath(
  new URL('../../cloudformation/jenkins.yaml', import.meta.url),
);

/** The product's template, read the way the dashboard and the sandbox read it. */
export function loadStackTemplate(): Record<string, unknown> {
  return readTemplateText(readFileSync(STACK_TEMPLATE_PATH, 'utf8'));
}

/**
 * The value at a path of keys and indexes inside parsed YAML or JSON, or undefined where the
 * path leaves the document, so tests can state facts without type assertions at every step.
 */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** The entries of a mapping inside parsed YAML or JSON; empty when it is not a mapping. */
export function entriesOf(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.entries(value)
    : [];
}

/** The items of a sequence inside parsed YAML or JSON; empty when it is not a sequence. */
export function itemsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
