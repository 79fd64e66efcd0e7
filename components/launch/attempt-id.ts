const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LENGTH = 16;

/**
 * A fresh launch attempt id: 16 letters and digits from the browser's cryptographic random
 * source. One attempt is one proposal and its execution; the server names the change set and
 * the ClientRequestToken after it, so a repeated click or a retried request is the same call to
 * CloudFormation. `fill` is injectable for tests.
 */
export function newAttemptId(
  fill: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = fill(new Uint8Array(LENGTH));
  // 62 does not divide 256; the slight bias toward the first letters is harmless for an id
  // that only has to be unique per person and stack.
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}
