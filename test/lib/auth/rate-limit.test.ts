import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '@/lib/auth/rate-limit';

const MINUTE = 60_000;

describe('failure limiter', () => {
  it('refuses a key after the limit until the oldest failure leaves the window', () => {
    const limiter = new FailureLimiter({ limit: 3, windowMs: 15 * MINUTE, maxKeys: 10 });
    limiter.recordFailure('ada', 0);
    limiter.recordFailure('ada', 1 * MINUTE);
    expect(limiter.retryAfterMs('ada', 2 * MINUTE)).toBe(0);
    limiter.recordFailure('ada', 2 * MINUTE);
    expect(limiter.retryAfterMs('ada', 2 * MINUTE)).toBe(13 * MINUTE);
    expect(limiter.retryAfterMs('ada', 15 * MINUTE)).toBe(0);
  });

  it('counts keys apart and forgets a key on reset', () => {
    const limiter = new FailureLimiter({ limit: 1, windowMs: MINUTE, maxKeys: 10 });
    limiter.recordFailure('ada', 0);
    expect(limiter.retryAfterMs('bob', 0)).toBe(0);
    limiter.reset('ada');
    expect(limiter.retryAfterMs('ada', 0)).toBe(0);
  });

  it('keeps at most maxKeys keys, forgetting the stalest', () => {
    const limiter = new FailureLimiter({ limit: 1, windowMs: MINUTE, maxKeys: 2 });
    limiter.recordFailure('a', 0);
    limiter.recordFailure('b', 1);
    limiter.recordFailure('c', 2);
    expect(limiter.retryAfterMs('a', 3)).toBe(0);
    expect(limiter.retryAfterMs('c', 3)).toBeGreaterThan(0);
  });
});
