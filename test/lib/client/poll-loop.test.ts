import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPollLoop } from '@/lib/client/poll-loop';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A poll that settles when the test says so, counting how often it was asked. */
function controlledPoll() {
  const settle: Array<(ok: boolean) => void> = [];
  const poll = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        settle.push((ok) => (ok ? resolve() : reject(new Error('dashboard unreachable'))));
      }),
  );
  return {
    poll,
    /** Settles the oldest pending poll and lets its continuation run. */
    async answer(ok = true) {
      const next = settle.shift();
      if (next === undefined) throw new Error('no poll is pending');
      next(ok);
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

describe('the stack page poll loop', () => {
  it('polls after the delay, then again once each poll has settled', async () => {
    const { poll, answer } = controlledPoll();
    const stop = startPollLoop({ delayMs: () => 3_000, poll, hidden: () => false });

    await vi.advanceTimersByTimeAsync(2_999);
    expect(poll).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll).toHaveBeenCalledTimes(1);

    // A slow answer does not stack polls up behind it.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(poll).toHaveBeenCalledTimes(1);
    await answer();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(poll).toHaveBeenCalledTimes(2);
    stop();
  });

  it('asks for the delay afresh each time, so a new pace applies from the next wait', async () => {
    const { poll, answer } = controlledPoll();
    let pace = 15_000;
    const stop = startPollLoop({ delayMs: () => pace, poll, hidden: () => false });

    await vi.advanceTimersByTimeAsync(15_000);
    expect(poll).toHaveBeenCalledTimes(1);
    pace = 3_000;
    await answer();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(poll).toHaveBeenCalledTimes(2);
    stop();
  });

  it('keeps polling after a failed poll, where SWR would stop until the tab is focused', async () => {
    const { poll, answer } = controlledPoll();
    const stop = startPollLoop({ delayMs: () => 3_000, poll, hidden: () => false });

    for (let attempt = 1; attempt <= 12; attempt += 1) {
      await vi.advanceTimersByTimeAsync(3_000);
      expect(poll).toHaveBeenCalledTimes(attempt);
      await answer(false);
    }
    stop();
  });

  it('never polls again once stopped, even when a poll in flight settles afterwards', async () => {
    const { poll, answer } = controlledPoll();
    const stop = startPollLoop({ delayMs: () => 1_000, poll, hidden: () => false });

    await vi.advanceTimersByTimeAsync(1_000);
    expect(poll).toHaveBeenCalledTimes(1);
    // A new snapshot arrived meanwhile: the page stops this loop and starts another.
    stop();
    await answer();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(poll).toHaveBeenCalledTimes(1);
  });

  it('restarting on a new snapshot counts the wait from that snapshot, not the old schedule', async () => {
    const { poll } = controlledPoll();
    const stopResting = startPollLoop({ delayMs: () => 15_000, poll, hidden: () => false });
    await vi.advanceTimersByTimeAsync(5_000);

    // A scale edit fetched a snapshot at once; it says an update is moving (3 s pace).
    stopResting();
    const stopMoving = startPollLoop({ delayMs: () => 3_000, poll, hidden: () => false });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(poll).toHaveBeenCalledTimes(1);
    stopMoving();
  });

  it('skips polls while the tab is hidden and resumes on the same pace when shown', async () => {
    const { poll } = controlledPoll();
    let hidden = true;
    const stop = startPollLoop({ delayMs: () => 3_000, poll, hidden: () => hidden });

    await vi.advanceTimersByTimeAsync(30_000);
    expect(poll).toHaveBeenCalledTimes(0);
    hidden = false;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(poll).toHaveBeenCalledTimes(1);
    stop();
  });
});
