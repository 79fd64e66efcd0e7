import type { ParameterRecord } from '../model';
import { validationError } from '../refusals';
import type { ParameterDeclaration, Template } from './template';

/** One entry of a request's `Parameters` list, decoded from the query string. */
export interface SuppliedParameter {
  readonly key: string;
  readonly value?: string;
  readonly usePrevious: boolean;
}

/** What parameter validation needs from the simulated account. */
export interface ParameterEnvironment {
  ssmParameter(name: string): string | undefined;
  resourceExists(parameterType: string, value: string): boolean;
}

export type ParameterMode =
  | { readonly kind: 'create'; readonly changeSet: boolean }
  | { readonly kind: 'update'; readonly previous: readonly ParameterRecord[] };

/** Reads the awsQuery `Parameters` member list (`UsePreviousValue` arrives as 'true'). */
export function readSuppliedParameters(input: unknown): SuppliedParameter[] {
  if (!Array.isArray(input)) return [];
  return input.map((entry: Record<string, unknown>) => ({
    key: String(entry.ParameterKey ?? ''),
    value: entry.ParameterValue === undefined ? undefined : String(entry.ParameterValue),
    usePrevious: String(entry.UsePreviousValue) === 'true',
  }));
}

/**
 * Decides every parameter's value for an operation the way CloudFormation does: supplied
 * values, UsePreviousValue (legal only on update, for keys the stack already has, without a
 * value), otherwise the Default (never the previous value); then type and constraint checks
 * with AWS's messages. SSM parameter types are resolved again on every call, as AWS does.
 */
export function resolveParameters(
  template: Template,
  supplied: readonly SuppliedParameter[],
  mode: ParameterMode,
  environment: ParameterEnvironment,
): ParameterRecord[] {
  const declared = new Map(template.parameters.map((parameter) => [parameter.key, parameter]));
  const unknown = supplied.filter((parameter) => !declared.has(parameter.key));
  if (unknown.length > 0) {
    const keys = unknown.map((parameter) => parameter.key).join(', ');
    throw validationError(`Parameters: [${keys}] do not exist in the template`);
  }
  const byKey = new Map(supplied.map((parameter) => [parameter.key, parameter]));
  const missing: string[] = [];
  const values = new Map<string, string>();
  for (const declaration of template.parameters) {
    const value = chooseValue(declaration, byKey.get(declaration.key), mode);
    if (value === undefined) missing.push(declaration.key);
    else values.set(declaration.key, value);
  }
  if (missing.length > 0) {
    throw validationError(`Parameters: [${missing.join(', ')}] must have values`);
  }
  return template.parameters.map((declaration) => {
    const value = values.get(declaration.key) ?? '';
    checkConstraints(declaration, value);
    return resolveValue(declaration, value, environment);
  });
}

function chooseValue(
  declaration: ParameterDeclaration,
  supplied: SuppliedParameter | undefined,
  mode: ParameterMode,
): string | undefined {
  if (!supplied) return declaration.defaultValue;
  if (!supplied.usePrevious) return supplied.value ?? declaration.defaultValue;
  const key = declaration.key;
  if (mode.kind === 'create') {
    throw validationError(
      mode.changeSet
        ? 'Cannot specify UsePreviousValue on Parameters when ChangeSetType is CREATE'
        : `Invalid input for parameter key ${key}. Cannot specify usePreviousValue as true for a parameter key not in the previous template`,
    );
  }
  if (supplied.value !== undefined && supplied.value !== '') {
    throw validationError(
      `Invalid input for parameter key ${key}. Cannot specify usePreviousValue as true and non empty value for a parameter`,
    );
  }
  const previous = mode.previous.find((record) => record.key === key);
  if (!previous) {
    throw validationError(
      `Invalid input for parameter key ${key}. Cannot specify usePreviousValue as true for a parameter key not in the previous template`,
    );
  }
  return previous.value;
}

function checkConstraints(declaration: ParameterDeclaration, value: string): void {
  const key = declaration.key;
  const violated = (message: string): never => {
    throw validationError(
      declaration.constraintDescription
        ? `Parameter ${key} failed to satisfy constraint: ${declaration.constraintDescription}`
        : message,
    );
  };
  const isList = declaration.type === 'CommaDelimitedList' || declaration.type.startsWith('List<');
  const items = isList ? value.split(',') : [value];
  for (const item of items) {
    if (declaration.type === 'Number' || declaration.type === 'List<Number>') {
      if (item.trim() === '' || !Number.isFinite(Number(item))) {
        throw validationError(`Parameter '${key}' must be a number.`);
      }
      const number = Number(item);
      if (declaration.minValue !== undefined && number < declaration.minValue) {
        violated(`Parameter '${key}' must be a number not less than ${declaration.minValue}`);
      }
      if (declaration.maxValue !== undefined && number > declaration.maxValue) {
        violated(`Parameter '${key}' must be a number not greater than ${declaration.maxValue}`);
      }
    }
    if (declaration.allowedValues && !declaration.allowedValues.includes(item)) {
      violated(`Parameter '${key}' must be one of AllowedValues`);
    }
  }
  if (declaration.type !== 'Number' && !isList) {
    if (declaration.minLength !== undefined && value.length < declaration.minLength) {
      violated(`Parameter '${key}' must contain at least ${declaration.minLength} characters`);
    }
    if (declaration.maxLength !== undefined && value.length > declaration.maxLength) {
      violated(`Parameter '${key}' must contain at most ${declaration.maxLength} characters`);
    }
    if (
      declaration.allowedPattern !== undefined &&
      !new RegExp(`^(?:${declaration.allowedPattern})$`).test(value)
    ) {
      violated(`Parameter '${key}' must match pattern ${declaration.allowedPattern}`);
    }
  }
}

function resolveValue(
  declaration: ParameterDeclaration,
  value: string,
  environment: ParameterEnvironment,
): ParameterRecord {
  const ssmType = declaration.type.match(/^AWS::SSM::Parameter::Value<(.+)>$/)?.[1];
  if (ssmType !== undefined) {
    const resolved = environment.ssmParameter(value);
    if (resolved === undefined) {
      throw validationError(
        `Unable to fetch parameters [${value}] from parameter store for this account.`,
      );
    }
    return { key: declaration.key, value, resolved };
  }
  const awsType = awsSpecificType(declaration.type);
  if (awsType !== undefined) {
    const items = declaration.type.startsWith('List<') ? value.split(',') : [value];
    for (const item of items) {
      if (item === '' || !environment.resourceExists(awsType, item)) {
        throw validationError(
          `Parameter validation failed: parameter value ${item} for parameter name ${declaration.key} does not exist.`,
        );
      }
    }
  }
  return { key: declaration.key, value };
}

/** `AWS::EC2::VPC::Id` for `AWS::EC2::VPC::Id` and `List<AWS::EC2::VPC::Id>`; else undefined. */
export function awsSpecificType(type: string): string | undefined {
  const inner = type.match(/^List<(.+)>$/)?.[1] ?? type;
  if (inner.startsWith('AWS::SSM::')) return undefined;
  return inner.startsWith('AWS::') ? inner : undefined;
}

/** The value `Ref` gives for a parameter: a list for list types, otherwise a string. */
export function referenceValue(template: Template, record: ParameterRecord): string | string[] {
  const declaration = template.parameters.find((parameter) => parameter.key === record.key);
  const type = declaration?.type ?? 'String';
  const value = record.resolved ?? record.value;
  const listType =
    type === 'CommaDelimitedList' ||
    type.startsWith('List<') ||
    /^AWS::SSM::Parameter::Value<(List<.+>|CommaDelimitedList)>$/.test(type);
  return listType ? value.split(',') : value;
}
