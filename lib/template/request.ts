import { ParameterValuesError } from './errors';
import type { ParameterModel } from './model';
import type { ValidationResult } from './validate';

/**
 * One entry of the `Parameters` list of CreateStack, CreateChangeSet and UpdateStack; the same
 * shape as the SDK's `Parameter`, declared here so browser code needs no SDK import.
 */
export type StackParameter =
  | { readonly ParameterKey: string; readonly ParameterValue: string }
  | { readonly ParameterKey: string; readonly UsePreviousValue: true };

/**
 * Builds the CloudFormation `Parameters` list from a validation result, in template order.
 * Only keys of the template being deployed are sent (dropped keys never are). Explicit values
 * go as `ParameterValue`; in update mode, untouched keys the stack already had go as
 * `UsePreviousValue: true` with no value; keys left to their Default are omitted, so a CREATE
 * never carries UsePreviousValue and no entry carries both (C04). Throws ParameterValuesError
 * when the result has field errors, so nothing invalid reaches AWS.
 */
export function stackParameters(
  model: ParameterModel,
  validation: ValidationResult,
): StackParameter[] {
  if (!validation.ok) throw new ParameterValuesError(validation.fieldErrors);

  const keepPrevious = new Set(validation.mode === 'update' ? validation.previousValueKeys : []);
  return model.parameters.flatMap(({ key }): StackParameter[] => {
    if (keepPrevious.has(key)) return [{ ParameterKey: key, UsePreviousValue: true }];
    const value = validation.values[key];
    return value === undefined ? [] : [{ ParameterKey: key, ParameterValue: value }];
  });
}
