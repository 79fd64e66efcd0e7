import type { ScaleValues } from './edits';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// The largest multiple of 62 below 256: bytes above it are drawn again so every letter is
// equally likely.
const UNBIASED_LIMIT = 248;

/** Fills a byte array with random bytes; `crypto.getRandomValues` in the browser. */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const browserRandom: RandomBytes = (bytes) => crypto.getRandomValues(bytes);

/**
 * A fresh attempt id: 12 letters and digits from the platform's cryptographic random source.
 * The server puts it in the change set's name and the ClientRequestToken, so it must be
 * unguessable enough that two people never share one.
 */
export function newAttemptId(random: RandomBytes = browserRandom, length = 12): string {
  let id = '';
  while (id.length < length) {
    for (const byte of random(new Uint8Array(length))) {
      if (byte < UNBIASED_LIMIT && id.length < length) id += ALPHABET[byte % ALPHABET.length];
    }
  }
  return id;
}

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
