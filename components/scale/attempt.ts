import { newAttemptId } from '@/lib/client/attempt-id';
import type { ScaleValues } from './edits';

/** One attempt at a scale edit: what is sent, and the id that makes resending it safe. */
export interface ScaleAttempt {
  readonly id: string;
  readonly changes: ScaleValues;
  /** The deployed values the person saw when they started editing. */
  readonly expected: ScaleValues;
}

function sameValues(left: ScaleValues, right: ScaleValues): boolean {
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key]);
}

/**
 * The attempt to send when Apply is pressed: the previous one again when it asks for exactly
 * the same changes against the same values (a retry after a lost answer must reuse its id, so
 * the server recognises its own update), otherwise a new one with a fresh id. Reusing an id
 * for different changes would clash with the change set of the earlier attempt.
 */
export function attemptFor(
  previous: ScaleAttempt | undefined,
  changes: ScaleValues,
  expected: ScaleValues,
  makeId: () => string = newAttemptId,
): ScaleAttempt {
  if (
    previous !== undefined &&
    sameValues(previous.changes, changes) &&
    sameValues(previous.expected, expected)
  ) {
    return previous;
  }
  return { id: makeId(), changes, expected };
}
