import { INTEGER_SCALE_PARAMETERS, SCALE_PARAMETERS } from '@/lib/scale/limits';
import type { ParameterDefinition } from '@/lib/template/model';
import { checkValue, type ValueOutcome } from '@/lib/template/value-rules';

/** How the panel lets a person set one scale limit. */
export type ScaleControl = 'number' | 'choice' | 'switch' | 'text';

/**
 * The control for a scale parameter, read from its template definition: a true/false pair of
 * AllowedValues is a switch, any other AllowedValues a select, a Number a stepper with direct
 * input, anything else a plain text box.
 */
export function controlKind(parameter: ParameterDefinition): ScaleControl {
  const allowed = parameter.constraints.allowedValues;
  if (allowed?.length === 2 && allowed.includes('true') && allowed.includes('false')) {
    return 'switch';
  }
  if (allowed !== undefined) return 'choice';
  return parameter.type.kind === 'number' ? 'number' : 'text';
}

/**
 * The scale parameters the template has, in the panel's fixed order (cap first, controller
 * last), whatever order the template declares them in.
 */
export function scaleFields(
  parameters: readonly ParameterDefinition[],
): readonly ParameterDefinition[] {
  return SCALE_PARAMETERS.flatMap((key) => parameters.filter((parameter) => parameter.key === key));
}

/** Whether the parameter must be a whole number on top of its template type (C26). */
export function isIntegerLimit(parameter: ParameterDefinition): boolean {
  return INTEGER_SCALE_PARAMETERS.has(parameter.key);
}

// ConstraintDescriptions are often written to follow the field's name ("must be a whole
// number from 1 to 200."), so those get the label in front; full sentences stay as they are.
function asSentence(label: string, message: string): string {
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}

/**
 * Checks what a person typed into a scale field with the template's one validator
 * (`checkValue`, whole-number rule for the integer limits) and returns the value to send:
 * trimmed, and for whole numbers written canonically (`012` → `12`) so it compares equal to
 * the deployed value. A refusal carries the template's ConstraintDescription, or the
 * validator's own sentence, introduced by the field's label when it reads as a fragment.
 */
export function checkScaleValue(parameter: ParameterDefinition, raw: string): ValueOutcome {
  const integer = isIntegerLimit(parameter);
  const outcome = checkValue(parameter, raw, { integer });
  if (!outcome.ok) {
    const message = asSentence(parameter.label, outcome.message);
    // A cap of 0 once meant "off" and then blocked every launch (C26): say why it is refused.
    const zeroCap = parameter.key === 'AgentInstanceCap' && /^\s*[-+]?0+\s*$/.test(raw);
    return {
      ok: false,
      message: zeroCap
        ? `${message} A cap of 0 would stop every agent launch; it does not mean unlimited.`
        : message,
    };
  }
  return integer ? { ok: true, value: String(Number(outcome.value)) } : outcome;
}

/**
 * A short line of what the template allows, for the hint under a field: `1–200` for a
 * number range, the allowed values for a choice.
 */
export function constraintHint(parameter: ParameterDefinition): string | undefined {
  const { minValue, maxValue, allowedValues } = parameter.constraints;
  if (controlKind(parameter) === 'switch') return undefined;
  if (allowedValues !== undefined) return `${allowedValues.length} allowed values`;
  const unit = isIntegerLimit(parameter) ? 'whole number' : 'number';
  if (minValue !== undefined && maxValue !== undefined) return `${unit}, ${minValue}–${maxValue}`;
  if (minValue !== undefined) return `${unit}, at least ${minValue}`;
  if (maxValue !== undefined) return `${unit}, at most ${maxValue}`;
  return undefined;
}
