import { postJson } from '@/lib/client/post';
import type { UpdateProposalOutcome } from '@/lib/stacks/change-set-view';
import type { OperationEventView } from '@/lib/stacks/operation-events';
import type { ParameterModel } from '@/lib/template';

/** GET /api/stacks/<name>/template: the deployed template as the update form needs it. */
export interface StackTemplateView {
  readonly stackName: string;
  readonly region: string;
  readonly status: string;
  readonly model: ParameterModel;
  /** Deployed values by key; NoEcho keys are left out (their value is only ever a mask). */
  readonly values: Readonly<Record<string, string>>;
  readonly noEchoKeys: readonly string[];
  readonly capabilities: readonly string[];
  readonly capabilitiesReason: string | undefined;
}

export type { UpdateProposalOutcome };

/** GET /api/stacks/<name>/events: the current operation, oldest event first. */
export interface StackEventsView {
  readonly status: string;
  readonly statusReason: string | undefined;
  readonly inProgress: boolean;
  readonly events: readonly OperationEventView[];
  readonly rootFailure: OperationEventView | undefined;
}

/** What POST /api/stacks/<name>/update takes (`updateProposalSchema`). */
export interface UpdateProposalRequest {
  readonly attemptId: string;
  readonly templateBody?: string;
  /** Values of the touched keys only. */
  readonly values: Readonly<Record<string, string>>;
  readonly touched: readonly string[];
  readonly capabilities: readonly string[];
}

function stackPath(name: string, tail: string, region: string): string {
  return `/api/stacks/${encodeURIComponent(name)}${tail}?region=${encodeURIComponent(region)}`;
}

/** SWR key of the stack's current template for the update form. */
export function stackTemplateKey(name: string, region: string): string {
  return stackPath(name, '/template', region);
}

/** SWR key of the stack's current operation events; null skips the fetch. */
export function stackEventsKey(name: string, region: string, enabled = true): string | null {
  return enabled ? stackPath(name, '/events', region) : null;
}

/** The update page of a stack, as a link target. */
export function stackUpdatePath(name: string, region: string): string {
  return `/stacks/${encodeURIComponent(name)}/update?region=${encodeURIComponent(region)}`;
}

/** POST /api/stacks/<name>/update: creates the UPDATE change set to review. */
export function proposeStackUpdate(name: string, region: string, body: UpdateProposalRequest) {
  return postJson<UpdateProposalOutcome>(stackPath(name, '/update', region), body);
}

/** POST /api/stacks/<name>/update/execute: starts the reviewed update. */
export function executeStackUpdate(
  name: string,
  region: string,
  body: { readonly attemptId: string; readonly changeSetArn: string },
) {
  return postJson<{ started: boolean }>(stackPath(name, '/update/execute', region), body);
}

/** Deletes a reviewed update's change set when the person goes back instead of executing. */
export function abandonStackUpdate(name: string, region: string, changeSetArn: string) {
  return postJson<{ cancelled: boolean }>(stackPath(name, '/update/cancel', region), {
    changeSetArn,
  });
}
