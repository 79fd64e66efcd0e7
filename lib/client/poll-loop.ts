/** What the loop needs from its page, injectable so tests drive it with fake timers. */
export interface PollLoopOptions {
  /** How long to wait before the next poll, asked afresh each time the loop arms. */
  readonly delayMs: () => number;
  /** One poll; the loop arms again once it settles, whether it succeeded or failed. */
  readonly poll: () => Promise<unknown>;
  /** A hidden tab skips its polls; the page revalidates when it is shown again. */
  readonly hidden: () => boolean;
}

/**
 * Polls after `delayMs()`, then again after each poll settles, until stopped. The stack page
 * starts a new loop whenever a new snapshot arrives, from a poll or from anything else (a scale
 * edit revalidating at once), so the wait always counts from the latest answer and follows its
 * pace. SWR's own `refreshInterval` keeps the timer it set from the previous answer, and stops
 * polling for good while the last fetch failed; neither suits a page people leave open.
 */
export function startPollLoop({ delayMs, poll, hidden }: PollLoopOptions): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const arm = () => {
    if (stopped) return;
    timer = setTimeout(fire, delayMs());
  };
  const fire = () => {
    if (stopped) return;
    if (hidden()) {
      arm();
      return;
    }
    // A failed poll is the page's to show (it keeps the last data with its age); the loop
    // only needs to keep going.
    poll().then(arm, arm);
  };

  arm();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
