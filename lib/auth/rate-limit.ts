/**
 * Counts failed sign-ins per key (a username, a client address) in a sliding window, in this
 * process's memory. Each replica counts its own failures, so N replicas behind a load balancer
 * allow up to N times the limit; a shared store would be needed to make that exact, and the
 * limits are set low enough that N times them is still far from a feasible guessing rate.
 */
export interface LimitPolicy {
  /** Failures allowed inside one window before the key is refused. */
  readonly limit: number;
  readonly windowMs: number;
  /** Keys tracked at most; the stalest are forgotten first, so memory stays bounded. */
  readonly maxKeys: number;
}

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(readonly policy: LimitPolicy) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfterMs(key: string, now: number = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.policy.limit) return 0;
    const oldest = recent[recent.length - this.policy.limit] ?? now;
    return Math.max(1, oldest + this.policy.windowMs - now);
  }

  /** Records one failed attempt for `key`. */
  recordFailure(key: string, now: number = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    // Only the newest `limit` failures decide anything; older ones need not be kept.
    this.failures.delete(key);
    this.failures.set(key, recent.slice(-this.policy.limit));
    while (this.failures.size > this.policy.maxKeys) {
      const stalest = this.failures.keys().next().value;
      if (stalest === undefined) break;
      this.failures.delete(stalest);
    }
  }

  /** Forgets `key`'s failures, after a successful sign-in. */
  reset(key: string): void {
    this.failures.delete(key);
  }

  /** Forgets every key. */
  clear(): void {
    this.failures.clear();
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => now - at < this.policy.windowMs);
  }
}
