import type { CrossFieldCheck } from './checks';
import type { ParameterDefinition, ParameterModel } from './model';
import { checkValue } from './value-rules';

export interface ValidationOptions {
  readonly mode: 'create' | 'update';
  /**
   * Keys the operator edited. In update mode an untouched key the stack already had keeps its
   * previous value. Without it, every key given a value counts as touched.
   */
  readonly touched?: ReadonlySet<string>;
  /** Keys of the stack's current (previous) template; update mode only. */
  readonly previousKeys?: ReadonlySet<string>;
  /** Number parameters that must also be whole numbers (scale limits, C26). */
  readonly integerParameters?: ReadonlySet<string>;
  /** Rules across fields that the template cannot express. */
  readonly checks?: readonly CrossFieldCheck[];
}

/** What to send for each parameter, or why not; the input of `stackParameters`. */
export interface ValidationResult {
  readonly ok: boolean;
  readonly mode: 'create' | 'update';
  /** One message per parameter key that cannot be sent as it is. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** Normalised values to send explicitly, by key. Keys left to their Default are absent. */
  readonly values: Readonly<Record<string, string>>;
  /** Keys to send as `UsePreviousValue: true` (update mode only), in template order. */
  readonly previousValueKeys: readonly string[];
}

/**
 * Validates parameter values against a template's model: the one validator behind the form
 * (as you type) and the server (before any AWS call). Values are trimmed and normalised
 * (lists comma-joined without spaces); blank is a legal value wherever the type and
 * constraints allow it and is sent as an empty string. In update mode, untouched keys the
 * stack already had are kept as previous values and untouched NoEcho fields are not checked,
 * since DescribeStacks only shows their mask (C03); keys new to the template need a value
 * unless they have a Default (C04). Keys the template does not declare are errors.
 */
export function validateParameters(
  model: ParameterModel,
  values: Readonly<Record<string, string | undefined>>,
  options: ValidationOptions,
): ValidationResult {
  const fieldErrors: Record<string, string> = {};
  const toSend: Record<string, string> = {};
  const known: Record<string, string> = {};
  const previousValueKeys: string[] = [];
  const declared = new Set(model.parameters.map((parameter) => parameter.key));

  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && !declared.has(key)) {
      fieldErrors[key] = 'This template has no parameter by that name.';
    }
  }

  for (const parameter of model.parameters) {
    const { key } = parameter;
    const raw = values[key];
    const integer = options.integerParameters?.has(key) === true;
    const decision = decide(parameter, raw, options);

    if (decision === 'previous') {
      previousValueKeys.push(key);
      // A shown previous value is still checked against the new template, except NoEcho,
      // whose shown value is only a mask.
      if (parameter.noEcho || raw === undefined) continue;
    }

    if (decision === 'default') {
      const fallback = parameter.default;
      if (fallback === undefined) {
        fieldErrors[key] = missingValueMessage(options, parameter);
        continue;
      }
      const outcome = checkValue(parameter, fallback, { integer });
      if (!outcome.ok)
        fieldErrors[key] = `The template's default is not usable: ${outcome.message}`;
      continue;
    }

    const outcome = checkValue(parameter, raw ?? '', { integer });
    if (!outcome.ok) {
      fieldErrors[key] = outcome.message;
      continue;
    }
    known[key] = outcome.value;
    if (decision === 'value') toSend[key] = outcome.value;
  }

  for (const check of options.checks ?? []) {
    for (const [key, message] of Object.entries(check(known, model))) {
      fieldErrors[key] ??= message;
    }
  }

  return {
    ok: Object.keys(fieldErrors).length === 0,
    mode: options.mode,
    fieldErrors,
    values: toSend,
    previousValueKeys,
  };
}

type Decision = 'value' | 'previous' | 'default';

function decide(
  parameter: ParameterDefinition,
  raw: string | undefined,
  { mode, touched, previousKeys }: ValidationOptions,
): Decision {
  const existedBefore = mode === 'update' && previousKeys?.has(parameter.key) === true;
  const isTouched = touched === undefined ? raw !== undefined : touched.has(parameter.key);
  if (existedBefore && !isTouched) return 'previous';
  return raw === undefined ? 'default' : 'value';
}

function missingValueMessage(options: ValidationOptions, parameter: ParameterDefinition): string {
  const isNewKey = options.mode === 'update' && options.previousKeys?.has(parameter.key) !== true;
  return isNewKey
    ? 'This parameter is new in the template and has no default: enter a value.'
    : 'Enter a value: the template gives no default.';
}
