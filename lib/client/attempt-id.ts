const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// The largest multiple of 62 below 256: bytes above it are drawn again so every letter is
// equally likely.
const UNBIASED_LIMIT = 248;

/** Fills a byte array with random bytes; `crypto.getRandomValues` in the browser. */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const browserRandom: RandomBytes = (bytes) => crypto.getRandomValues(bytes);

/**
 * A fresh attempt id for a launch, an update, a scale edit or a stack action: 12 letters and
 * digits from the platform's cryptographic random source. One attempt is one proposal and its
 * execution; the server names the change set and the ClientRequestToken after it, so a repeated
 * click or a retried request is the same call to CloudFormation, and the id must be unguessable
 * enough that two people never share one. `random` is injectable for tests.
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
