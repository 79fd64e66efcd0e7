import { describe, expect, it } from 'vitest';
import { TickingClock } from '@/sandbox/core/clock';

describe('simulation clock', () => {
  it('runs a long advance as one-second steps, in order', () => {
    const clock = new TickingClock({ start: 0, speed: 0 });
    const seen: number[] = [];
    clock.onTick((now) => seen.push(now));
    clock.advanceBy(5_000);
    expect(seen).toEqual([1_000, 2_000, 3_000, 4_000, 5_000]);
    expect(clock.now()).toBe(5_000);
  });

  it('advances simulated time at speed × real time', async () => {
    const clock = new TickingClock({ start: 0, speed: 100, tickMs: 10 });
    clock.start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    clock.stop();
    expect(clock.now()).toBeGreaterThanOrEqual(4_000);
  });

  it('refuses a negative speed', () => {
    expect(() => new TickingClock().setSpeed(-1)).toThrow(RangeError);
  });
});
