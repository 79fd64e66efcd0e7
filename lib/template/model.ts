import { readConstraints, type ParameterConstraints } from './constraints';
import { TemplateModelError } from './errors';
import { classifyParameterType, type ParameterType } from './parameter-type';

/** One template parameter as the form and the validator see it. */
export interface ParameterDefinition {
  /** The ParameterKey CloudFormation knows it by. */
  readonly key: string;
  /** ParameterLabels text when the template gives one, otherwise the key. */
  readonly label: string;
  readonly description?: string;
  /** The `Type` exactly as the template writes it, for display. */
  readonly cloudFormationType: string;
  readonly type: ParameterType;
  /** The Default as CloudFormation takes it: always a string (`10`, `true`, `a,b`). */
  readonly default?: string;
  readonly noEcho: boolean;
  readonly constraints: ParameterConstraints;
}

export interface ParameterGroup {
  readonly label: string;
  readonly parameters: readonly ParameterDefinition[];
}

/** Everything a form needs to render and check a template's parameters; plain JSON. */
export interface ParameterModel {
  /** Every parameter, in the template's own order. */
  readonly parameters: readonly ParameterDefinition[];
  /** The order to show them in; every parameter appears in exactly one group. */
  readonly groups: readonly ParameterGroup[];
}

/** Label of the trailing group holding parameters that no interface group names. */
export const OTHER_PARAMETERS_LABEL = 'Other parameters';
/** Label of the single group used when the template has no interface groups. */
export const ALL_PARAMETERS_LABEL = 'Parameters';

/**
 * Builds the parameter model of a template read by `readTemplateText`. Groups follow the
 * `AWS::CloudFormation::Interface` metadata: in declared order, a parameter shown once (in the
 * first group naming it), entries naming parameters the template does not declare ignored, and
 * parameters in no group collected in a trailing "Other parameters" group in template order.
 * Without groups, one group holds every parameter in template order. Throws a
 * TemplateModelError naming the parameter when CloudFormation would refuse its definition.
 */
export function parameterModel(template: Readonly<Record<string, unknown>>): ParameterModel {
  const section = template.Parameters ?? {};
  if (!isRecord(section)) {
    throw new TemplateModelError(undefined, 'The Parameters section must be a mapping.');
  }

  const interfaceMetadata = readInterface(template.Metadata);
  const parameters = Object.entries(section).map(([key, definition]) =>
    readParameter(key, definition, interfaceMetadata.labels.get(key)),
  );

  return { parameters, groups: groupParameters(parameters, interfaceMetadata.groups) };
}

function readParameter(
  key: string,
  definition: unknown,
  label: string | undefined,
): ParameterDefinition {
  if (!isRecord(definition)) {
    throw new TemplateModelError(key, 'the definition must be a mapping.');
  }
  if (typeof definition.Type !== 'string' || definition.Type.trim() === '') {
    throw new TemplateModelError(key, 'every parameter needs a Type.');
  }

  const cloudFormationType = definition.Type;
  const type = classifyParameterType(cloudFormationType);
  if (type === undefined) {
    throw new TemplateModelError(
      key,
      `${cloudFormationType} is not a CloudFormation parameter type.`,
    );
  }

  const parameter: { -readonly [K in keyof ParameterDefinition]: ParameterDefinition[K] } = {
    key,
    label: label ?? key,
    cloudFormationType,
    type,
    noEcho: definition.NoEcho === true || String(definition.NoEcho).toLowerCase() === 'true',
    constraints: readConstraints(key, definition, type),
  };
  if (typeof definition.Description === 'string') parameter.description = definition.Description;
  if (definition.Default !== undefined) parameter.default = readDefault(key, definition.Default);
  return parameter;
}

// CloudFormation takes every parameter value as a string; YAML and JSON templates often write
// `Default: 10` or `Default: true`, which it reads as "10" and "true".
function readDefault(key: string, raw: unknown): string {
  if (raw === null) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw) && raw.every((item) => typeof item !== 'object' || item === null)) {
    return raw.map((item) => String(item ?? '')).join(',');
  }
  throw new TemplateModelError(key, 'Default must be a plain value, not a function or mapping.');
}

interface InterfaceMetadata {
  readonly groups: readonly { label: string; keys: readonly string[] }[];
  readonly labels: ReadonlyMap<string, string>;
}

// Interface metadata only shapes the console; CloudFormation does not check it, so malformed
// entries are skipped rather than refused.
function readInterface(metadata: unknown): InterfaceMetadata {
  const description = isRecord(metadata) ? metadata['AWS::CloudFormation::Interface'] : undefined;
  if (!isRecord(description)) return { groups: [], labels: new Map() };

  const labels = new Map<string, string>();
  if (isRecord(description.ParameterLabels)) {
    for (const [key, label] of Object.entries(description.ParameterLabels)) {
      const text = labelText(label);
      if (text !== undefined) labels.set(key, text);
    }
  }

  const rawGroups = Array.isArray(description.ParameterGroups) ? description.ParameterGroups : [];
  const groups = rawGroups.filter(isRecord).map((group) => ({
    label: labelText(group.Label) ?? ALL_PARAMETERS_LABEL,
    keys: Array.isArray(group.Parameters)
      ? group.Parameters.filter((key): key is string => typeof key === 'string')
      : [],
  }));

  return { groups, labels };
}

function labelText(label: unknown): string | undefined {
  const text = isRecord(label) ? label.default : label;
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

function groupParameters(
  parameters: readonly ParameterDefinition[],
  declaredGroups: InterfaceMetadata['groups'],
): ParameterGroup[] {
  if (parameters.length === 0) return [];
  if (declaredGroups.length === 0) return [{ label: ALL_PARAMETERS_LABEL, parameters }];

  const byKey = new Map(parameters.map((parameter) => [parameter.key, parameter]));
  const placed = new Set<string>();
  const groups: ParameterGroup[] = [];

  for (const declared of declaredGroups) {
    const members = declared.keys.flatMap((key) => {
      const parameter = byKey.get(key);
      if (parameter === undefined || placed.has(key)) return [];
      placed.add(key);
      return [parameter];
    });
    if (members.length > 0) groups.push({ label: declared.label, parameters: members });
  }

  const others = parameters.filter((parameter) => !placed.has(parameter.key));
  if (others.length > 0) groups.push({ label: OTHER_PARAMETERS_LABEL, parameters: others });
  return groups;
}

/** Looks a parameter up by its key. */
export function findParameter(model: ParameterModel, key: string): ParameterDefinition | undefined {
  return model.parameters.find((parameter) => parameter.key === key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
