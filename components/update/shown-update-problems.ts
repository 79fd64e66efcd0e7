import type { ServerFormErrors } from '@/components/launch/server-errors';
import type { ParameterModel } from '@/lib/template';
import type { UpdateForm, UpdateFormProblems } from './update-form';

/** The messages the update form shows, and the labels of the fields that still block review. */
export interface ShownUpdateProblems {
  readonly parameters: Readonly<Record<string, string>>;
  readonly capabilities: string | undefined;
  readonly outstanding: readonly string[];
}

/**
 * Shows the validator's message for fields the person touched and for fields holding a value
 * (a deployed value a new template no longer allows), the server's for fields not edited since
 * it answered. A blank untouched field stays quiet (an unchanged NoEcho field, a new parameter
 * still to fill) but is named in `outstanding` while it blocks the review.
 */
export function shownUpdateProblems(
  model: ParameterModel,
  problems: UpdateFormProblems,
  form: UpdateForm,
  server: ServerFormErrors | undefined,
): ShownUpdateProblems {
  const parameters: Record<string, string> = {};
  for (const { key } of model.parameters) {
    const visible = form.touched.has(key) || (form.values[key] ?? '') !== '';
    const message = visible
      ? (problems.parameters[key] ?? server?.parameters[key])
      : server?.parameters[key];
    if (message !== undefined) parameters[key] = message;
  }

  const outstanding = model.parameters
    .filter((parameter) => problems.parameters[parameter.key] !== undefined)
    .map((parameter) => parameter.label);
  if (problems.capabilities !== undefined) outstanding.push('Capabilities acknowledgement');

  return {
    parameters,
    // Asked for in words only once the server has refused without it; until then the
    // unticked box and the outstanding list say enough.
    capabilities: server?.requiredCapabilities === undefined ? undefined : problems.capabilities,
    outstanding,
  };
}
