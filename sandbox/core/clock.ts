import type { SimulationClock } from './simulation';

/** The longest stretch of simulated time one step may cover, so chained transitions stay ordered. */
const MAX_STEP_MS = 1_000;
/** A tick never runs more steps than this; beyond it the simulation jumps (very high speeds). */
const MAX_STEPS_PER_TICK = 3_600;

/**
 * The sandbox's clock: simulated time runs at `speed` × real time and advances on a real
 * timer (every ~100 ms). Long stretches are cut into steps of at most one simulated second so
 * that a chain of transitions (task RUNNING → target registered → healthy) plays out in order
 * even at high speed or after `advanceBy`.
 */
export class TickingClock implements SimulationClock {
  private simulated: number;
  private speed: number;
  private lastReal = Date.now();
  private readonly steps: ((now: number) => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private readonly tickMs: number;

  constructor(options: { start?: number; speed?: number; tickMs?: number } = {}) {
    this.simulated = options.start ?? Date.now();
    this.speed = options.speed ?? 1;
    this.tickMs = options.tickMs ?? 100;
  }

  now(): number {
    return this.simulated;
  }

  currentSpeed(): number {
    return this.speed;
  }

  onTick(step: (now: number) => void): void {
    this.steps.push(step);
  }

  /** Starts the real-time timer. */
  start(): void {
    if (this.timer) return;
    this.lastReal = Date.now();
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Changes how many simulated milliseconds pass per real millisecond (0 pauses time). */
  setSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed < 0) throw new RangeError('speed must be ≥ 0');
    this.tick();
    this.speed = speed;
  }

  /** Moves simulated time forward at once, running every step on the way. */
  advanceBy(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceMs must be ≥ 0');
    this.run(ms, Math.max(MAX_STEPS_PER_TICK, Math.ceil(ms / MAX_STEP_MS)));
  }

  /** Runs one real-time tick now (also used by tests to flush). */
  tick(): void {
    const real = Date.now();
    const elapsed = (real - this.lastReal) * this.speed;
    this.lastReal = real;
    this.run(elapsed, MAX_STEPS_PER_TICK);
  }

  private run(ms: number, maxSteps: number): void {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const stepCount = Math.min(maxSteps, Math.max(1, Math.ceil(ms / MAX_STEP_MS)));
      const stepMs = ms / stepCount;
      for (let i = 0; i < stepCount; i++) {
        this.simulated += stepMs;
        for (const step of this.steps) step(this.simulated);
      }
    } finally {
      this.ticking = false;
    }
  }
}
