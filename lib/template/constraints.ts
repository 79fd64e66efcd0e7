import { TemplateModelError } from './errors';
import { isAwsList, type ParameterType } from './parameter-type';

/**
 * A parameter's constraints, normalised once: numbers are numbers even when the template
 * writes them as strings, allowed values are strings even when written as numbers, and the
 * pattern is anchored because CloudFormation matches it against the whole value.
 */
export interface ParameterConstraints {
  readonly allowedValues?: readonly string[];
  /** AllowedPattern anchored to the whole value: `a|b` becomes `^(?:a|b)$`. */
  readonly allowedPattern?: string;
  /** AllowedPattern as the template writes it, for messages. */
  readonly allowedPatternAsWritten?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly constraintDescription?: string;
}

/**
 * Reads the constraint properties of one parameter definition. Throws a TemplateModelError
 * naming the parameter for anything CloudFormation would refuse: a pattern that is not a
 * regular expression, a minimum above its maximum, a length that is not a whole number, or
 * an AllowedPattern on a `List<AWS::…>` parameter (CloudFormation does not support it there).
 */
export function readConstraints(
  key: string,
  definition: Readonly<Record<string, unknown>>,
  type: ParameterType,
): ParameterConstraints {
  const constraints: {
    -readonly [K in keyof ParameterConstraints]: ParameterConstraints[K];
  } = {};

  if (definition.AllowedValues !== undefined) {
    constraints.allowedValues = readAllowedValues(key, definition.AllowedValues);
  }

  if (definition.AllowedPattern !== undefined) {
    if (isAwsList(type)) {
      throw new TemplateModelError(
        key,
        'list types of AWS resources do not support AllowedPattern.',
      );
    }
    const written = readText(key, 'AllowedPattern', definition.AllowedPattern);
    constraints.allowedPattern = anchorPattern(key, written);
    constraints.allowedPatternAsWritten = written;
  }

  const minLength = readNumber(key, 'MinLength', definition.MinLength, { whole: true });
  const maxLength = readNumber(key, 'MaxLength', definition.MaxLength, { whole: true });
  const minValue = readNumber(key, 'MinValue', definition.MinValue, { whole: false });
  const maxValue = readNumber(key, 'MaxValue', definition.MaxValue, { whole: false });
  requireOrder(key, 'MinLength', minLength, 'MaxLength', maxLength);
  requireOrder(key, 'MinValue', minValue, 'MaxValue', maxValue);
  if (minLength !== undefined) constraints.minLength = minLength;
  if (maxLength !== undefined) constraints.maxLength = maxLength;
  if (minValue !== undefined) constraints.minValue = minValue;
  if (maxValue !== undefined) constraints.maxValue = maxValue;

  if (definition.ConstraintDescription !== undefined) {
    const description = readText(key, 'ConstraintDescription', definition.ConstraintDescription);
    if (description.trim() !== '') constraints.constraintDescription = description.trim();
  }

  return constraints;
}

/**
 * Anchors a CloudFormation AllowedPattern so a JavaScript RegExp matches the whole value the
 * way CloudFormation does; the group keeps an alternation such as `a|b` from anchoring only
 * its first and last branch.
 */
export function anchorPattern(key: string, pattern: string): string {
  const anchored = `^(?:${pattern})$`;
  try {
    new RegExp(anchored);
  } catch (error) {
    throw new TemplateModelError(key, `AllowedPattern ${pattern} is not a regular expression.`, {
      cause: error,
    });
  }
  return anchored;
}

function readAllowedValues(key: string, raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new TemplateModelError(key, 'AllowedValues must be a non-empty list.');
  }
  return raw.map((value) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new TemplateModelError(key, 'AllowedValues must hold plain values.');
  });
}

function readText(key: string, property: string, raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  throw new TemplateModelError(key, `${property} must be a string.`);
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function readNumber(
  key: string,
  property: string,
  raw: unknown,
  { whole }: { whole: boolean },
): number | undefined {
  if (raw === undefined) return undefined;

  let value: number | undefined;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && NUMBER_TEXT.test(raw.trim())) value = Number(raw.trim());

  if (value === undefined || !Number.isFinite(value)) {
    throw new TemplateModelError(key, `${property} must be a number.`);
  }
  if (whole && (!Number.isInteger(value) || value < 0)) {
    throw new TemplateModelError(key, `${property} must be a whole number of characters.`);
  }
  return value;
}

function requireOrder(
  key: string,
  lowName: string,
  low: number | undefined,
  highName: string,
  high: number | undefined,
): void {
  if (low !== undefined && high !== undefined && low > high) {
    throw new TemplateModelError(key, `${lowName} ${low} is greater than ${highName} ${high}.`);
  }
}
