import { readTemplateText, TemplateReadError } from '../../../lib/template/read';
import { templateFormatError, validationError } from '../refusals';

export interface ParameterDeclaration {
  readonly key: string;
  readonly type: string;
  readonly defaultValue?: string;
  readonly noEcho: boolean;
  readonly description?: string;
  readonly allowedValues?: readonly string[];
  readonly allowedPattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly constraintDescription?: string;
}

export interface ResourceDeclaration {
  readonly logicalId: string;
  readonly type: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly dependsOn: readonly string[];
  readonly condition?: string;
  readonly metadata?: unknown;
  /** `Retain` keeps the resource when the stack is deleted (DELETE_SKIPPED). */
  readonly deletionPolicy?: string;
}

export interface OutputDeclaration {
  readonly key: string;
  readonly value: unknown;
  readonly description?: string;
  readonly exportName?: unknown;
  readonly condition?: string;
}

/** A template read and checked for the structure AWS insists on before evaluating anything. */
export interface Template {
  readonly description?: string;
  readonly metadata?: unknown;
  readonly transforms: readonly string[];
  readonly parameters: readonly ParameterDeclaration[];
  readonly mappings: Readonly<Record<string, unknown>>;
  readonly conditions: Readonly<Record<string, unknown>>;
  readonly resources: ReadonlyMap<string, ResourceDeclaration>;
  readonly outputs: readonly OutputDeclaration[];
}

const PRIMITIVE_PARAMETER_TYPES = new Set([
  'String',
  'Number',
  'List<Number>',
  'CommaDelimitedList',
  'AWS::SSM::Parameter::Name',
]);

const parsed = new Map<string, Template>();

/**
 * Reads template text (JSON or YAML with short-form tags) into a checked Template, answering
 * malformed templates with AWS's "Template format error" refusals. Results are cached by body,
 * since the same few templates are read again on every describe and update.
 */
export function parseTemplate(body: string): Template {
  const cached = parsed.get(body);
  if (cached) return cached;
  const template = checkTemplate(readBody(body));
  if (parsed.size > 50) parsed.clear();
  parsed.set(body, template);
  return template;
}

function readBody(body: string): Record<string, unknown> {
  try {
    return readTemplateText(body);
  } catch (error) {
    if (error instanceof TemplateReadError) {
      const format = body.trimStart().startsWith('{') ? 'JSON' : 'YAML';
      throw templateFormatError(`${format} not well-formed.`);
    }
    throw error;
  }
}

function checkTemplate(raw: Record<string, unknown>): Template {
  const resources = readResources(raw.Resources);
  const transformValue = raw.Transform;
  const transforms =
    transformValue === undefined
      ? []
      : (Array.isArray(transformValue) ? transformValue : [transformValue]).map(String);
  return {
    description: typeof raw.Description === 'string' ? raw.Description : undefined,
    metadata: raw.Metadata,
    transforms,
    parameters: readParameters(raw.Parameters),
    mappings: recordOf(raw.Mappings, 'Mappings'),
    conditions: recordOf(raw.Conditions, 'Conditions'),
    resources,
    outputs: readOutputs(raw.Outputs),
  };
}

function readResources(section: unknown): Map<string, ResourceDeclaration> {
  const entries = Object.entries(recordOf(section, 'Resources'));
  if (entries.length === 0) {
    throw templateFormatError('At least one Resources member must be defined.');
  }
  const resources = new Map<string, ResourceDeclaration>();
  for (const [logicalId, value] of entries) {
    if (!isRecord(value) || typeof value.Type !== 'string') {
      throw templateFormatError(
        `[/Resources/${logicalId}] Every Resources object must contain a Type member.`,
      );
    }
    const dependsOn = value.DependsOn;
    resources.set(logicalId, {
      logicalId,
      type: value.Type,
      properties: value.Properties === undefined ? {} : recordOf(value.Properties, logicalId),
      dependsOn:
        dependsOn === undefined
          ? []
          : (Array.isArray(dependsOn) ? dependsOn : [dependsOn]).map(String),
      condition: typeof value.Condition === 'string' ? value.Condition : undefined,
      metadata: value.Metadata,
      deletionPolicy: typeof value.DeletionPolicy === 'string' ? value.DeletionPolicy : undefined,
    });
  }
  return resources;
}

function readParameters(section: unknown): ParameterDeclaration[] {
  return Object.entries(recordOf(section, 'Parameters')).map(([key, value]) => {
    if (!isRecord(value) || typeof value.Type !== 'string') {
      throw templateFormatError(`Every Parameters object must contain a Type member.`);
    }
    const type = value.Type;
    if (!isKnownParameterType(type)) {
      throw validationError(`Template format error: Unrecognized parameter type: ${type}`);
    }
    const allowed = value.AllowedValues;
    if (allowed !== undefined && !Array.isArray(allowed)) {
      throw templateFormatError('Every AllowedValues member must be a list.');
    }
    return {
      key,
      type,
      defaultValue: scalar(value.Default),
      noEcho: String(value.NoEcho) === 'true',
      description: scalar(value.Description),
      allowedValues: allowed?.map(String),
      allowedPattern: scalar(value.AllowedPattern),
      minLength: numberOf(value.MinLength),
      maxLength: numberOf(value.MaxLength),
      minValue: numberOf(value.MinValue),
      maxValue: numberOf(value.MaxValue),
      constraintDescription: scalar(value.ConstraintDescription),
    };
  });
}

function readOutputs(section: unknown): OutputDeclaration[] {
  return Object.entries(recordOf(section, 'Outputs')).map(([key, value]) => {
    if (!isRecord(value) || value.Value === undefined) {
      throw templateFormatError(`Every Outputs member must contain a Value object`);
    }
    const exported = isRecord(value.Export) ? value.Export.Name : undefined;
    return {
      key,
      value: value.Value,
      description: scalar(value.Description),
      exportName: exported,
      condition: typeof value.Condition === 'string' ? value.Condition : undefined,
    };
  });
}

/** Whether a parameter type is one CloudFormation knows (primitive, AWS-specific or SSM). */
export function isKnownParameterType(type: string): boolean {
  if (PRIMITIVE_PARAMETER_TYPES.has(type)) return true;
  const inner = type.match(/^List<(.+)>$/)?.[1] ?? type;
  if (/^AWS::SSM::Parameter::Value<.+>$/.test(type)) return true;
  return /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(inner);
}

function recordOf(value: unknown, section: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw templateFormatError(`${section} must be an object.`);
  return value;
}

function scalar(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

function numberOf(value: unknown): number | undefined {
  return value === undefined ? undefined : Number(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
