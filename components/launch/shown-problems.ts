import type { ParameterModel } from '@/lib/template';
import type { LaunchFormProblems } from './launch-form';
import type { ServerFormErrors } from './server-errors';

/** The messages the first step shows, and what still blocks the review. */
export interface ShownProblems {
  readonly parameters: Readonly<Record<string, string>>;
  readonly stackName: string | undefined;
  readonly tags: Readonly<Record<number, string>>;
  readonly capabilities: string | undefined;
  /** Labels of every field that still blocks the review, touched or not. */
  readonly outstanding: readonly string[];
}

/** The name the touched set uses for the stack-name field (parameter keys cannot clash: they
 * are alphanumeric, this is not). */
export const STACK_NAME_FIELD = 'stack:name';

/**
 * Decides which messages to show: the validator's for the fields the person has touched (or a
 * quick-create link prefilled) and for every field holding a value that is wrong (a Default
 * naming a key pair the region lacks, C11), and the server's for fields not edited since it
 * answered; blank fields nobody has touched stay quiet, so the form does not open as a wall
 * of red. Every problem still blocks the review and is named in `outstanding`.
 */
export function shownProblems(
  model: ParameterModel,
  problems: LaunchFormProblems,
  touched: ReadonlySet<string>,
  server: ServerFormErrors | undefined,
  values: Readonly<Record<string, string>> = {},
): ShownProblems {
  const parameters: Record<string, string> = {};
  for (const parameter of model.parameters) {
    const filled = (values[parameter.key] ?? '') !== '';
    const message =
      touched.has(parameter.key) || filled
        ? (problems.parameters[parameter.key] ?? server?.parameters[parameter.key])
        : (server?.parameters[parameter.key] ?? undefined);
    if (message !== undefined) parameters[parameter.key] = message;
  }

  const outstanding = model.parameters
    .filter((parameter) => problems.parameters[parameter.key] !== undefined)
    .map((parameter) => parameter.label);
  if (problems.stackName !== undefined) outstanding.push('Stack name');
  if (Object.keys(problems.tags).length > 0) outstanding.push('Tags');
  if (problems.capabilities !== undefined) outstanding.push('Capabilities acknowledgement');

  return {
    parameters,
    stackName: touched.has(STACK_NAME_FIELD)
      ? (problems.stackName ?? server?.stackName)
      : server?.stackName,
    tags: { ...server?.tags, ...problems.tags },
    capabilities: server?.requiredCapabilities === undefined ? undefined : problems.capabilities,
    outstanding,
  };
}
