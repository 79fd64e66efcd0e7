import type { ParameterDefinition } from '@/lib/template';
import { checkScaleValue } from './fields';

export type ScaleValues = Readonly<Record<string, string>>;

/** What the person's drafts come to against the deployed values. */
export interface PendingEdit {
  /** Checked values that differ from the deployed ones, by key: the `changes` to send. */
  readonly changes: ScaleValues;
  /** One message per field whose text the template refuses. */
  readonly fieldErrors: ScaleValues;
}

/**
 * Compares the drafts (raw texts of the fields the person touched) with the deployed values.
 * Each draft goes through the template's validator; a valid value equal to the deployed one
 * (` 12` against `12`) is no change, so Apply stays off until something really differs.
 */
export function pendingEdit(
  parameters: readonly ParameterDefinition[],
  deployed: ScaleValues,
  drafts: ScaleValues,
): PendingEdit {
  const changes: Record<string, string> = {};
  const fieldErrors: Record<string, string> = {};
  for (const parameter of parameters) {
    const raw = drafts[parameter.key];
    if (raw === undefined) continue;
    const outcome = checkScaleValue(parameter, raw);
    if (!outcome.ok) fieldErrors[parameter.key] = outcome.message;
    else if (outcome.value !== deployed[parameter.key]) changes[parameter.key] = outcome.value;
  }
  return { changes, fieldErrors };
}

/**
 * Advice that the template cannot express and the server does not enforce, by key: more warm
 * agents than the cap can never all run, because the EC2 plugin never exceeds its cap.
 */
export function scaleAdvice(deployed: ScaleValues, changes: ScaleValues): ScaleValues {
  const after = { ...deployed, ...changes };
  const cap = Number(after.AgentInstanceCap);
  const warm = Number(after.WarmAgents);
  if (Number.isInteger(cap) && Number.isInteger(warm) && warm > cap) {
    return {
      WarmAgents: `More warm agents than the cap: the EC2 plugin keeps at most ${cap} running.`,
    };
  }
  return {};
}

/** What the Apply button needs to know to decide whether it may be pressed. */
export interface ApplyGuardInput {
  /** `stackActions(status).editBlockedBecause` for the snapshot's stack status. */
  readonly editBlockedBecause: string | undefined;
  readonly busy: boolean;
  readonly reviewOpen: boolean;
  readonly pending: PendingEdit;
}

/**
 * Why Apply cannot be pressed right now, in words for the person, or undefined when it can.
 * The stack's own status comes first (the server re-checks it right before acting), then
 * the edit itself: invalid values, or nothing that differs from the deployed values.
 */
export function applyBlockedReason(input: ApplyGuardInput): string | undefined {
  if (input.editBlockedBecause !== undefined) return input.editBlockedBecause;
  if (input.busy) return 'Waiting for the dashboard to answer.';
  if (input.reviewOpen) return 'Confirm or cancel the review below first.';
  if (Object.keys(input.pending.fieldErrors).length > 0) {
    return 'Correct the values marked in red first.';
  }
  if (Object.keys(input.pending.changes).length === 0) {
    return 'Nothing differs from the deployed values.';
  }
  return undefined;
}
