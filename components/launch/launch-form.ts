import { STACK_NAME_PATTERN, STACK_NAME_RULE, stackNamePrefixProblem } from '@/lib/stacks/names';
import { tagProblem } from '@/lib/stacks/tags';
import type { CrossFieldCheck } from '@/lib/template/checks';
import type { ParameterModel } from '@/lib/template/model';
import type { QuickCreateParams } from '@/lib/template/quick-create';
import { validateParameters } from '@/lib/template/validate';
import { fieldKind } from './field-kind';
import { noKeyPairsMessage, type AccountChoices } from './account-checks';

/** One row of the stack tags editor. */
export interface TagRow {
  readonly key: string;
  readonly value: string;
}

/**
 * Everything the person has entered on the first step. Parameter values are kept as the
 * strings CloudFormation takes, list pickers included (comma-joined), so the validator, the
 * quick-create link and the request all read the same thing.
 */
export interface LaunchForm {
  readonly stackName: string;
  readonly values: Readonly<Record<string, string>>;
  readonly tags: readonly TagRow[];
  readonly terminationProtection: boolean;
  readonly rollbackOnFailure: boolean;
  readonly capabilitiesAcknowledged: boolean;
}

/**
 * The form as it opens: every parameter at its Default (blank without one), overridden by a
 * quick-create link's values. NoEcho fields always open blank: a secret is never prefilled,
 * not even from the template (`readQuickCreateParams` has already dropped NoEcho link values).
 */
export function initialLaunchForm(
  model: ParameterModel,
  prefill: QuickCreateParams = { values: {}, ignored: [] },
): LaunchForm {
  const values: Record<string, string> = {};
  for (const parameter of model.parameters) {
    if (parameter.noEcho) {
      values[parameter.key] = '';
      continue;
    }
    values[parameter.key] = Object.hasOwn(prefill.values, parameter.key)
      ? (prefill.values[parameter.key] as string)
      : (parameter.default ?? '');
  }
  return {
    stackName: prefill.stackName ?? '',
    values,
    tags: [],
    terminationProtection: false,
    rollbackOnFailure: true,
    capabilitiesAcknowledged: false,
  };
}

/**
 * The parameter values to validate and send. Every field goes as entered (blank included,
 * since blank is a legal value for many strings), except a blank NoEcho field whose template
 * has a Default: it is left out so CloudFormation uses that Default, which the form never shows.
 */
export function parameterValues(
  model: ParameterModel,
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const parameter of model.parameters) {
    const value = values[parameter.key] ?? '';
    if (parameter.noEcho && value === '' && parameter.default !== undefined) continue;
    chosen[parameter.key] = value;
  }
  return chosen;
}

/** Tag rows worth sending: a row left entirely blank is an unused row, not a tag. */
export function tagsToSend(rows: readonly TagRow[]): TagRow[] {
  return rows
    .map((row) => ({ key: row.key.trim(), value: row.value.trim() }))
    .filter((row) => row.key !== '' || row.value !== '');
}

/** What is wrong with the form, field by field; `ok` when nothing is. */
export interface LaunchFormProblems {
  readonly ok: boolean;
  /** By parameter key, the validator's messages (and the account checks'). */
  readonly parameters: Readonly<Record<string, string>>;
  readonly stackName: string | undefined;
  /** By tag row index. */
  readonly tags: Readonly<Record<number, string>>;
  readonly capabilities: string | undefined;
}

export interface LaunchFormContext {
  readonly checks: readonly CrossFieldCheck[];
  /** The capabilities the template needs (GetTemplateSummary), to be acknowledged. */
  readonly requiredCapabilities: readonly string[];
  readonly choices?: AccountChoices;
  /** The prefix the dashboard's IAM role allows stack names (DASHBOARD_STACK_NAME_PREFIX). */
  readonly stackNamePrefix?: string;
}

/**
 * Checks the whole first step with the one validator (`validateParameters` in create mode,
 * plus the cross-field checks), AWS's stack-name rule, the server's tag schema, and the
 * capability acknowledgement. The review button stays disabled until `ok`.
 */
export function checkLaunchForm(
  model: ParameterModel,
  form: LaunchForm,
  context: LaunchFormContext,
): LaunchFormProblems {
  const validation = validateParameters(model, parameterValues(model, form.values), {
    mode: 'create',
    checks: context.checks,
  });
  const parameters = { ...validation.fieldErrors };
  blockWithoutKeyPairs(model, parameters, context.choices);

  const stackName =
    stackNameProblem(form.stackName) ??
    stackNamePrefixProblem(form.stackName, context.stackNamePrefix);
  const tags = tagProblems(form.tags);
  const capabilities =
    context.requiredCapabilities.length > 0 && !form.capabilitiesAcknowledged
      ? 'Acknowledge the capabilities this template needs before reviewing.'
      : undefined;

  return {
    ok:
      Object.keys(parameters).length === 0 &&
      stackName === undefined &&
      Object.keys(tags).length === 0 &&
      capabilities === undefined,
    parameters,
    stackName,
    tags,
    capabilities,
  };
}

// An empty key-pair field in a region without key pairs gets the explanation, not "choose one".
function blockWithoutKeyPairs(
  model: ParameterModel,
  problems: Record<string, string>,
  choices: AccountChoices | undefined,
): void {
  if (choices === undefined || choices.keyPairs?.length !== 0) return;
  for (const parameter of model.parameters) {
    if (fieldKind(parameter) === 'key-pair') {
      problems[parameter.key] = noKeyPairsMessage(choices.region);
    }
  }
}

/** AWS's stack-name rule, with its sentence as the message. */
export function stackNameProblem(name: string): string | undefined {
  if (name === '') return `Enter a stack name. ${STACK_NAME_RULE}`;
  return STACK_NAME_PATTERN.test(name) ? undefined : STACK_NAME_RULE;
}

function tagProblems(rows: readonly TagRow[]): Record<number, string> {
  const problems: Record<number, string> = {};
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const tag = { key: row.key.trim(), value: row.value.trim() };
    if (tag.key === '' && tag.value === '') return;
    const problem = tagProblem(tag);
    if (problem !== undefined) {
      problems[index] = problem;
      return;
    }
    const first = seen.get(tag.key);
    if (first !== undefined) {
      problems[index] = `Tag key ${tag.key} is already used in row ${first + 1}.`;
      return;
    }
    seen.set(tag.key, index);
  });
  return problems;
}

/**
 * The form rebuilt for another template: every parameter of the new model at its Default, except
 * values the person entered (touched) for keys the new template also has, which are kept. The
 * stack name, tags and options stay; the capability acknowledgement is asked again, since the
 * new template may need other capabilities.
 */
export function formForTemplate(
  previous: LaunchForm,
  model: ParameterModel,
  touched: ReadonlySet<string>,
): LaunchForm {
  const values = { ...initialLaunchForm(model).values };
  for (const parameter of model.parameters) {
    const entered = previous.values[parameter.key];
    if (touched.has(parameter.key) && entered !== undefined) values[parameter.key] = entered;
  }
  return { ...previous, values, capabilitiesAcknowledged: false };
}
