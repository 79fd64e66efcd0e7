import type { ParameterDefinition } from '@/lib/template';
import { isIntegerLimit } from './fields';

// The EC2 plugin reads its limits as Java ints (C26); the steppers never leave that range.
const JAVA_INT_MAX = 2_147_483_647;

/** The range a number field's stepper moves in: the template's MinValue..MaxValue. */
export function stepperBounds(parameter: ParameterDefinition): { min: number; max: number } {
  const { minValue, maxValue } = parameter.constraints;
  const min = minValue ?? 0;
  const max = maxValue ?? JAVA_INT_MAX;
  return isIntegerLimit(parameter) ? { min: Math.ceil(min), max: Math.floor(max) } : { min, max };
}

function clamp(value: number, { min, max }: { min: number; max: number }): number {
  return Math.min(max, Math.max(min, value));
}

function readNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*-?\d+(?:\.\d+)?\s*$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The value after pressing − or + on a number field: from what the field shows (or, when
 * that is not a number, the deployed value, the template default, the minimum), moved by
 * `delta` and kept inside MinValue..MaxValue. Whole-number limits step from a whole number.
 */
export function stepValue(
  parameter: ParameterDefinition,
  shown: string,
  deployed: string | undefined,
  delta: number,
): string {
  const bounds = stepperBounds(parameter);
  const start =
    readNumber(shown) ?? readNumber(deployed) ?? readNumber(parameter.default) ?? bounds.min;
  const base = isIntegerLimit(parameter) ? Math.round(start) : start;
  return String(clamp(base + delta, bounds));
}

/** Whether − or + would change what the field shows (false at the edge of the range). */
export function canStep(
  parameter: ParameterDefinition,
  shown: string,
  deployed: string | undefined,
  delta: number,
): boolean {
  return stepValue(parameter, shown, deployed, delta) !== shown.trim();
}

/** Round numbers an operator reaches for, per limit; only those the template allows are offered. */
const PRESET_CANDIDATES: Readonly<Record<string, readonly number[]>> = {
  AgentInstanceCap: [5, 10, 20, 50],
  WarmAgents: [0, 1, 2, 5],
  AgentIdleMinutes: [10, 30, 60, 120],
};

/**
 * The one-click presets of a number field: the round candidates for that limit that lie
 * within the template's MinValue..MaxValue (and in its AllowedValues when it lists some).
 */
export function presetValues(parameter: ParameterDefinition): readonly string[] {
  const bounds = stepperBounds(parameter);
  const allowed = parameter.constraints.allowedValues;
  return (PRESET_CANDIDATES[parameter.key] ?? [])
    .filter((value) => value >= bounds.min && value <= bounds.max)
    .map(String)
    .filter((value) => allowed === undefined || allowed.includes(value));
}
