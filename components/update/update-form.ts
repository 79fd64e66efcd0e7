// Direct module paths, not the '@/lib/template' index: the index also carries the YAML reader,
// which only the template upload needs (and loads lazily).
import type { CrossFieldCheck } from '@/lib/template/checks';
import type { ParameterDefinition, ParameterModel } from '@/lib/template/model';
import { validateParameters } from '@/lib/template/validate';
import type { StackTemplateView, UpdateProposalRequest } from './update-requests';

/**
 * The update form's state. `touched` is the only record of what the person changed: a NoEcho
 * field opens blank and counts as unchanged until typed into (its deployed value is only a
 * mask, C03), and a value is sent only for touched keys.
 */
export interface UpdateForm {
  readonly values: Readonly<Record<string, string>>;
  readonly touched: ReadonlySet<string>;
  readonly capabilitiesAcknowledged: boolean;
}

/** The deployed stack the form edits: its template's keys and its known (non-NoEcho) values. */
export type DeployedStack = Pick<StackTemplateView, 'model' | 'values'>;

/**
 * The form as it opens on the stack's current template: deployed values filled in, NoEcho
 * fields blank, a key the stack has no readable value for at the template's Default (blank
 * without one). Nothing is touched yet.
 */
export function initialUpdateForm(deployed: DeployedStack): UpdateForm {
  return {
    values: openingValues(deployed.model, deployed, { values: {}, touched: new Set() }),
    touched: new Set(),
    capabilitiesAcknowledged: false,
  };
}

/** How a new template's parameters differ from the deployed one's (C04). */
export interface TemplateChange {
  /** Parameters the deployed template does not have, in the new template's order. */
  readonly added: readonly ParameterDefinition[];
  /** Added keys with no Default: the update cannot be proposed until they are filled. */
  readonly needValue: readonly string[];
  /** Deployed keys the new template drops: CloudFormation removes them; they are not sent. */
  readonly dropped: readonly string[];
}

/** Compares the deployed template's parameters with a new template's. */
export function templateChange(current: ParameterModel, next: ParameterModel): TemplateChange {
  const before = new Set(current.parameters.map((parameter) => parameter.key));
  const after = new Set(next.parameters.map((parameter) => parameter.key));
  const added = next.parameters.filter((parameter) => !before.has(parameter.key));
  return {
    added,
    needValue: added
      .filter((parameter) => parameter.default === undefined)
      .map((parameter) => parameter.key),
    dropped: current.parameters.map((parameter) => parameter.key).filter((key) => !after.has(key)),
  };
}

/**
 * The form rebuilt for another template (the deployed one again, or a new one): keys the person
 * typed into and the new template still has keep what was typed; other keys the stack has show
 * their deployed value; new keys show their Default. Touched keys the new template drops are
 * forgotten, and the capabilities are to be acknowledged again.
 */
export function formForTemplate(
  form: UpdateForm,
  deployed: DeployedStack,
  next: ParameterModel,
): UpdateForm {
  const keys = new Set(next.parameters.map((parameter) => parameter.key));
  return {
    values: openingValues(next, deployed, form),
    touched: new Set([...form.touched].filter((key) => keys.has(key))),
    capabilitiesAcknowledged: false,
  };
}

function openingValues(
  model: ParameterModel,
  deployed: DeployedStack,
  form: Pick<UpdateForm, 'values' | 'touched'>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const parameter of model.parameters) {
    const { key } = parameter;
    const typed = form.values[key];
    if (form.touched.has(key) && typed !== undefined) values[key] = typed;
    else if (parameter.noEcho) values[key] = '';
    else if (Object.hasOwn(deployed.values, key)) values[key] = deployed.values[key] as string;
    else values[key] = parameter.default ?? '';
  }
  return values;
}

/** A value typed into the field: the key counts as changed from now on, whatever it holds. */
export function typeValue(form: UpdateForm, key: string, value: string): UpdateForm {
  return {
    ...form,
    values: { ...form.values, [key]: value },
    touched: new Set(form.touched).add(key),
  };
}

/** Puts a NoEcho field back to "unchanged": blank, untouched, sent as the previous value. */
export function keepUnchanged(form: UpdateForm, key: string): UpdateForm {
  const touched = new Set(form.touched);
  touched.delete(key);
  return { ...form, values: { ...form.values, [key]: '' }, touched };
}

/**
 * The values the validator judges: touched keys as typed, untouched keys with a known deployed
 * value as shown (so a new template's constraints apply to them too), and nothing for untouched
 * NoEcho keys (only a mask is known, C03) or untouched new keys (their Default applies, C04).
 */
export function valuesToValidate(
  model: ParameterModel,
  form: UpdateForm,
  deployed: DeployedStack,
): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const parameter of model.parameters) {
    const { key } = parameter;
    const shown =
      form.touched.has(key) || (!parameter.noEcho && Object.hasOwn(deployed.values, key));
    values[key] = shown ? (form.values[key] ?? '') : undefined;
  }
  return values;
}

/** What is wrong with the update form; `ok` when nothing is. */
export interface UpdateFormProblems {
  readonly ok: boolean;
  readonly parameters: Readonly<Record<string, string>>;
  readonly capabilities: string | undefined;
}

/**
 * Checks the form with the one validator in update mode: untouched keys the stack has are kept
 * as previous values, untouched NoEcho fields are not checked, new keys need a value unless
 * they have a Default, plus the cross-field checks and the capability acknowledgement.
 */
export function checkUpdateForm(
  model: ParameterModel,
  form: UpdateForm,
  deployed: DeployedStack,
  context: {
    readonly checks: readonly CrossFieldCheck[];
    readonly capabilities: readonly string[];
  },
): UpdateFormProblems {
  const validation = validateParameters(model, valuesToValidate(model, form, deployed), {
    mode: 'update',
    touched: form.touched,
    previousKeys: new Set(deployed.model.parameters.map((parameter) => parameter.key)),
    checks: context.checks,
  });
  const capabilities =
    context.capabilities.length > 0 && !form.capabilitiesAcknowledged
      ? 'Acknowledge the capabilities this template needs before reviewing.'
      : undefined;
  return {
    ok: validation.ok && capabilities === undefined,
    parameters: validation.fieldErrors,
    capabilities,
  };
}

/**
 * The body of POST /api/stacks/<name>/update: the touched keys of the template being deployed
 * (in its order) with exactly what was typed, asterisks included; nothing for untouched keys,
 * which the server sends as previous values or leaves to their Default; dropped keys never.
 */
export function updateRequestBody(
  model: ParameterModel,
  form: UpdateForm,
  request: {
    readonly attemptId: string;
    readonly templateBody: string | undefined;
    readonly capabilities: readonly string[];
  },
): UpdateProposalRequest {
  const touched = model.parameters
    .map((parameter) => parameter.key)
    .filter((key) => form.touched.has(key));
  const values = Object.fromEntries(touched.map((key) => [key, form.values[key] ?? '']));
  return {
    attemptId: request.attemptId,
    ...(request.templateBody === undefined ? {} : { templateBody: request.templateBody }),
    values,
    touched,
    capabilities: request.capabilities,
  };
}
