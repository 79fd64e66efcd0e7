import { parse, type ScalarTag, type CollectionTag, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Reads a CloudFormation template written in JSON or YAML into plain objects.
 *
 * YAML short-form tags (`!Ref`, `!Sub`, `!GetAtt a.b`, …) become their long form
 * (`{Ref: …}`, `{'Fn::Sub': …}`, `{'Fn::GetAtt': ['a', 'b']}`) in scalar, sequence and
 * mapping form, so everything downstream sees one shape. A generic YAML loader refuses
 * these tags ("unknown tag"), which is why templates need their own reader.
 */
export function readTemplateText(text: string): Record<string, unknown> {
  const trimmed = text.trimStart();
  let document: unknown;
  try {
    document = trimmed.startsWith('{')
      ? JSON.parse(text)
      : parse(text, { customTags: CLOUDFORMATION_TAGS, maxAliasCount: 100, merge: false });
  } catch (error) {
    throw new TemplateReadError(`The template is not valid JSON or YAML: ${messageOf(error)}`, {
      cause: error,
    });
  }
  if (!isRecord(document)) {
    throw new TemplateReadError('The template must be a JSON or YAML object at the top level.');
  }
  return document;
}

/** The template text could not be read as a CloudFormation template. */
export class TemplateReadError extends Error {
  override readonly name = 'TemplateReadError';
}

const FUNCTION_TAGS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'ToJsonString',
  'Length',
] as const;

function longForm(tag: string): string {
  return tag === 'Ref' || tag === 'Condition' ? tag : `Fn::${tag}`;
}

function tagsFor(tag: string): (ScalarTag | CollectionTag)[] {
  const key = longForm(tag);
  const scalar: ScalarTag = {
    tag: `!${tag}`,
    resolve: (value) => ({ [key]: value }),
  };
  const sequence: CollectionTag = {
    tag: `!${tag}`,
    collection: 'seq',
    resolve: (value) => ({ [key]: (value as YAMLSeq.Parsed).toJSON() }),
  };
  const mapping: CollectionTag = {
    tag: `!${tag}`,
    collection: 'map',
    resolve: (value) => ({ [key]: (value as YAMLMap.Parsed).toJSON() }),
  };
  return [scalar, sequence, mapping];
}

// `!GetAtt Resource.Attribute` splits at the first dot; the attribute may itself hold dots
// (for example `Endpoint.Address`).
const GET_ATT_TAGS: (ScalarTag | CollectionTag)[] = [
  {
    tag: '!GetAtt',
    resolve: (value) => {
      const dot = value.indexOf('.');
      return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
    },
  },
  {
    tag: '!GetAtt',
    collection: 'seq',
    resolve: (value) => ({ 'Fn::GetAtt': (value as YAMLSeq.Parsed).toJSON() }),
  },
];

const CLOUDFORMATION_TAGS = [
  ...['Ref', 'Condition', ...FUNCTION_TAGS].flatMap(tagsFor),
  ...GET_ATT_TAGS,
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
