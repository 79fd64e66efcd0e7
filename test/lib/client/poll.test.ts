import { describe, expect, it } from 'vitest';
import { FIRST_POLL_MS, nextPollMs, POLL_AFTER_REFRESH_MS } from '@/lib/client/poll';

describe('when the stack page polls again', () => {
  it('polls soon before the first snapshot has said anything', () => {
    expect(nextPollMs(undefined)).toBe(FIRST_POLL_MS);
  });

  it("polls just after the server's refresh of the snapshot it got", () => {
    expect(nextPollMs({ refreshInMs: 15_000 })).toBe(15_000 + POLL_AFTER_REFRESH_MS);
    expect(nextPollMs({ refreshInMs: 6_000 })).toBe(6_000 + POLL_AFTER_REFRESH_MS);
  });

  it('never polls in a tight loop, even for a snapshot at the end of its reuse', () => {
    expect(nextPollMs({ refreshInMs: 0 })).toBe(1_000);
    expect(nextPollMs({ refreshInMs: Number.NaN })).toBe(FIRST_POLL_MS);
  });
});
