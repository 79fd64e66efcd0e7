import { parameterModel, readTemplateText, type ParameterModel } from '@/lib/template';

/** CloudFormation's limit for a template sent inline as TemplateBody, in bytes. */
export const INLINE_TEMPLATE_LIMIT_BYTES = 51_200;

/** A template the person uploaded or pasted, read in the browser into the form's model. */
export interface UploadedTemplate {
  /** The text exactly as given: it is what the proposal sends as `templateBody`. */
  readonly body: string;
  readonly model: ParameterModel;
  readonly description: string | undefined;
  /**
   * The capabilities the template appears to need, so the acknowledgement shows before the
   * first review; the server asks GetTemplateSummary and refuses with the exact list if this
   * guessed short.
   */
  readonly capabilities: readonly string[];
  /** Where it came from, for the person: a file name, or "pasted text". */
  readonly source: string;
}

export type TemplateUploadOutcome =
  | { readonly ok: true; readonly template: UploadedTemplate }
  | { readonly ok: false; readonly message: string };

/**
 * Reads an uploaded or pasted template the way the server will: at most 51,200 bytes (the
 * inline TemplateBody limit), JSON or YAML with CloudFormation's short-form tags, a Resources
 * section, and parameter definitions CloudFormation would accept. Returns the form's model or
 * one sentence saying what is wrong; it never throws, so the caller shows the sentence as is.
 */
export function readUploadedTemplate(text: string, source = 'pasted text'): TemplateUploadOutcome {
  if (text.trim() === '') {
    return refuse(
      'The template is empty: upload or paste a CloudFormation template in YAML or JSON.',
    );
  }
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > INLINE_TEMPLATE_LIMIT_BYTES) {
    return refuse(
      `The template is ${bytes.toLocaleString('en-US')} bytes; a template sent inline may be at ` +
        `most ${INLINE_TEMPLATE_LIMIT_BYTES.toLocaleString('en-US')} bytes. Shorten it (comments ` +
        'and descriptions count too).',
    );
  }

  let template: Record<string, unknown>;
  try {
    template = readTemplateText(text);
  } catch (error) {
    return refuse(messageOf(error));
  }
  if (!isRecord(template.Resources) || Object.keys(template.Resources).length === 0) {
    return refuse(
      'This is not a CloudFormation template: it has no Resources section with at least one resource.',
    );
  }

  let model: ParameterModel;
  try {
    model = parameterModel(template);
  } catch (error) {
    return refuse(`The template's parameters cannot be used. ${messageOf(error)}`);
  }

  return {
    ok: true,
    template: {
      body: text,
      model,
      description: typeof template.Description === 'string' ? template.Description : undefined,
      capabilities: likelyCapabilities(template),
      source,
    },
  };
}

// Resource properties that give an IAM resource a custom name, which needs CAPABILITY_NAMED_IAM.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html
const IAM_NAME_PROPERTIES = [
  'RoleName',
  'UserName',
  'GroupName',
  'ManagedPolicyName',
  'InstanceProfileName',
];

/**
 * The capabilities a template appears to need: CAPABILITY_NAMED_IAM when an IAM resource has a
 * custom name, CAPABILITY_IAM for any other IAM resource. A first guess only (macros are left
 * to the server, since a reviewed change set needs no CAPABILITY_AUTO_EXPAND):
 * GetTemplateSummary on the server is the authority and the form asks again when it differs.
 */
export function likelyCapabilities(template: Readonly<Record<string, unknown>>): string[] {
  const resources = isRecord(template.Resources) ? Object.values(template.Resources) : [];
  const iam = resources.filter(
    (resource) =>
      isRecord(resource) &&
      typeof resource.Type === 'string' &&
      resource.Type.startsWith('AWS::IAM::'),
  );
  const named = iam.some(
    (resource) =>
      isRecord(resource) &&
      isRecord(resource.Properties) &&
      IAM_NAME_PROPERTIES.some((property) =>
        Object.hasOwn(resource.Properties as object, property),
      ),
  );

  if (iam.length === 0) return [];
  return [named ? 'CAPABILITY_NAMED_IAM' : 'CAPABILITY_IAM'];
}

function refuse(message: string): TemplateUploadOutcome {
  return { ok: false, message };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'The template could not be read.';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
