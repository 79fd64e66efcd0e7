import { TemplateEvaluationError } from '../refusals';
import { isRecord } from './template';

/**
 * A value known only once the operation runs, for example the `Ref` of a resource a change set
 * will replace. Change sets compare with it instead of guessing a value.
 */
export class Unknown {
  constructor(readonly source: string) {}
}

/** `Ref: AWS::NoValue`: the property or list item disappears. */
export const NO_VALUE = Symbol('AWS::NoValue');

/** What intrinsic functions may look up while a template is evaluated. */
export interface EvaluationScope {
  /** Parameters, pseudo parameters and resources; undefined when the name is not declared. */
  ref(name: string): unknown;
  getAtt(logicalId: string, attribute: string): unknown;
  condition(name: string): boolean;
  readonly mappings: Readonly<Record<string, unknown>>;
  importValue(name: string): string;
  availabilityZones(region: string): string[];
  readonly region: string;
}

type Intrinsic = (argument: unknown, scope: EvaluationScope) => unknown;

/**
 * Evaluates a template fragment: every intrinsic function is applied, `AWS::NoValue` drops
 * the property or item it stands for. Fn::If evaluates only the branch it takes, as
 * CloudFormation does, so a branch may refer to a resource whose condition is false.
 */
export function evaluate(node: unknown, scope: EvaluationScope): unknown {
  if (Array.isArray(node)) {
    return node.map((item) => evaluate(item, scope)).filter((item) => item !== NO_VALUE);
  }
  if (!isRecord(node)) return node;
  const keys = Object.keys(node);
  const key = keys.length === 1 ? (keys[0] ?? '') : '';
  // `Condition` is a function only inside conditions; IAM policies use it as a plain key.
  const intrinsic =
    key === 'Condition' && typeof node[key] !== 'string' ? undefined : INTRINSICS[key];
  if (intrinsic) return intrinsic(node[key], scope);
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const evaluated = evaluate(value, scope);
    if (evaluated !== NO_VALUE) result[key] = evaluated;
  }
  return result;
}

/** Evaluates a value that must come out as a string (or Unknown). */
export function evaluateString(
  node: unknown,
  scope: EvaluationScope,
  where: string,
): string | Unknown {
  const value = evaluate(node, scope);
  if (value instanceof Unknown || typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TemplateEvaluationError(`Template error: every ${where} must resolve to a string`);
}

/** True when a value (or anything inside it) is known only at apply time. */
export function containsUnknown(value: unknown): boolean {
  if (value instanceof Unknown) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isRecord(value)) return Object.values(value).some(containsUnknown);
  return false;
}

function fail(message: string): never {
  throw new TemplateEvaluationError(`Template error: ${message}`);
}

function listArgument(argument: unknown, name: string, length?: number): unknown[] {
  if (!Array.isArray(argument) || (length !== undefined && argument.length !== length)) {
    fail(`every ${name} object requires ${length ?? 'a list of'} parameters`);
  }
  return argument;
}

function asList(value: unknown, name: string): unknown[] | Unknown {
  if (value instanceof Unknown) return value;
  if (!Array.isArray(value)) fail(`${name} requires a list`);
  return value;
}

function scalarText(value: unknown, name: string): string | Unknown {
  if (value instanceof Unknown) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return fail(`every value of ${name} must be a string`);
}

const ref: Intrinsic = (argument, scope) => {
  if (typeof argument !== 'string') fail('every Ref object requires a string value');
  if (argument === 'AWS::NoValue') return NO_VALUE;
  const value = scope.ref(argument);
  if (value === undefined) fail(`Unresolved resource dependencies [${argument}]`);
  return value;
};

const getAtt: Intrinsic = (argument, scope) => {
  const parts = typeof argument === 'string' ? splitAttribute(argument) : argument;
  const [logicalId, attribute] = listArgument(parts, 'Fn::GetAtt', 2);
  const name = evaluate(attribute, scope);
  if (typeof logicalId !== 'string' || typeof name !== 'string') {
    fail('every Fn::GetAtt object requires two non-empty parameters');
  }
  return scope.getAtt(logicalId, name);
};

function splitAttribute(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

const join: Intrinsic = (argument, scope) => {
  const [delimiter, items] = listArgument(argument, 'Fn::Join', 2);
  const list = asList(evaluate(items, scope), 'Fn::Join');
  if (list instanceof Unknown) return list;
  const texts = list.map((item) => scalarText(item, 'Fn::Join'));
  const unknown = texts.find((text) => text instanceof Unknown);
  return unknown ?? texts.join(String(delimiter));
};

const select: Intrinsic = (argument, scope) => {
  const [index, items] = listArgument(argument, 'Fn::Select', 2);
  const position = Number(evaluate(index, scope));
  const list = asList(evaluate(items, scope), 'Fn::Select');
  if (list instanceof Unknown) return list;
  if (!Number.isInteger(position) || position < 0 || position >= list.length) {
    fail('Fn::Select cannot select nonexistent value at index ' + String(index));
  }
  return list[position];
};

const split: Intrinsic = (argument, scope) => {
  const [delimiter, source] = listArgument(argument, 'Fn::Split', 2);
  const text = scalarText(evaluate(source, scope), 'Fn::Split');
  return text instanceof Unknown ? text : text.split(String(delimiter));
};

const sub: Intrinsic = (argument, scope) => {
  const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
  if (typeof text !== 'string' || !isRecord(variables ?? {})) {
    fail('every Fn::Sub object requires a string or a list of a string and a map');
  }
  const values = new Map<string, unknown>();
  for (const [name, node] of Object.entries((variables ?? {}) as Record<string, unknown>)) {
    values.set(name, evaluate(node, scope));
  }
  let unknown: Unknown | undefined;
  const result = text.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const key = name.trim();
    const value = values.has(key)
      ? values.get(key)
      : key.includes('.')
        ? getAtt(key, scope)
        : ref(key, scope);
    const textValue = scalarText(value, 'Fn::Sub');
    if (textValue instanceof Unknown) {
      unknown = textValue;
      return whole;
    }
    return textValue;
  });
  return unknown ?? result;
};

const findInMap: Intrinsic = (argument, scope) => {
  const [map, top, second] = listArgument(argument, 'Fn::FindInMap').map((part) =>
    evaluate(part, scope),
  );
  const mapping = scope.mappings[String(map)];
  const level = isRecord(mapping) ? mapping[String(top)] : undefined;
  const value = isRecord(level) ? level[String(second)] : undefined;
  if (value === undefined) {
    fail(`Unable to get mapping for ${String(map)}::${String(top)}::${String(second)}`);
  }
  return value;
};

const getAzs: Intrinsic = (argument, scope) => {
  const region = evaluate(argument, scope);
  return scope.availabilityZones(
    typeof region === 'string' && region !== '' ? region : scope.region,
  );
};

const base64: Intrinsic = (argument, scope) => {
  const text = scalarText(evaluate(argument, scope), 'Fn::Base64');
  return text instanceof Unknown ? text : Buffer.from(text, 'utf8').toString('base64');
};

const importValue: Intrinsic = (argument, scope) => {
  const name = scalarText(evaluate(argument, scope), 'Fn::ImportValue');
  return name instanceof Unknown ? name : scope.importValue(name);
};

const fnIf: Intrinsic = (argument, scope) => {
  const [condition, whenTrue, whenFalse] = listArgument(argument, 'Fn::If', 3);
  if (typeof condition !== 'string') fail('every Fn::If object requires a condition name');
  return evaluate(scope.condition(condition) ? whenTrue : whenFalse, scope);
};

const length: Intrinsic = (argument, scope) => {
  const list = asList(evaluate(argument, scope), 'Fn::Length');
  return list instanceof Unknown ? list : list.length;
};

function conditionValue(node: unknown, scope: EvaluationScope): boolean {
  const value = evaluate(node, scope);
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return fail('every condition function must evaluate to a boolean');
}

function comparable(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const equals: Intrinsic = (argument, scope) => {
  const [left, right] = listArgument(argument, 'Fn::Equals', 2).map((part) =>
    evaluate(part, scope),
  );
  return comparable(left) === comparable(right);
};

const and: Intrinsic = (argument, scope) =>
  listArgument(argument, 'Fn::And').every((part) => conditionValue(part, scope));
const or: Intrinsic = (argument, scope) =>
  listArgument(argument, 'Fn::Or').some((part) => conditionValue(part, scope));
const not: Intrinsic = (argument, scope) =>
  !conditionValue(listArgument(argument, 'Fn::Not', 1)[0], scope);
const condition: Intrinsic = (argument, scope) => {
  if (typeof argument !== 'string') fail('every Condition object requires a condition name');
  return scope.condition(argument);
};

const unsupported =
  (name: string): Intrinsic =>
  () =>
    fail(`${name} is not supported by the sandbox`);

const INTRINSICS: Readonly<Record<string, Intrinsic>> = {
  Ref: ref,
  'Fn::GetAtt': getAtt,
  'Fn::Join': join,
  'Fn::Select': select,
  'Fn::Split': split,
  'Fn::Sub': sub,
  'Fn::FindInMap': findInMap,
  'Fn::GetAZs': getAzs,
  'Fn::Base64': base64,
  'Fn::ImportValue': importValue,
  'Fn::If': fnIf,
  'Fn::Length': length,
  'Fn::Equals': equals,
  'Fn::And': and,
  'Fn::Or': or,
  'Fn::Not': not,
  Condition: condition,
  'Fn::Cidr': unsupported('Fn::Cidr'),
  'Fn::Transform': unsupported('Fn::Transform'),
  'Fn::ToJsonString': unsupported('Fn::ToJsonString'),
};
