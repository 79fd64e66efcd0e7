/** Until the first snapshot says otherwise, poll as if something were moving. */
export const FIRST_POLL_MS = 3_000;

/**
 * How much later than the server's refresh a page asks: enough that its request arrives once
 * the cached snapshot is due (timers and the network only ever make it later), small enough
 * that the data on screen is never older than the pace plus a blink.
 */
export const POLL_AFTER_REFRESH_MS = 250;

/** Never sooner than this, even when a snapshot is served at the very end of its reuse. */
const MIN_POLL_MS = 1_000;

/**
 * When the page polls a stack again after an answer: when the server's cache refreshes the
 * snapshot (`refreshInMs`), a moment later. Polling on the server's schedule, rather than a
 * fixed interval from each tab's own last answer, is what lets a hundred open tabs cost AWS
 * what one costs: every poll of every tab finds the snapshot due or just refreshed.
 */
export function nextPollMs(latest: { readonly refreshInMs: number } | undefined): number {
  if (latest === undefined || !Number.isFinite(latest.refreshInMs)) return FIRST_POLL_MS;
  return Math.max(MIN_POLL_MS, latest.refreshInMs + POLL_AFTER_REFRESH_MS);
}
