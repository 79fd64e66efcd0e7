/**
 * The sandbox's simulated time. Everything that "takes a while" in AWS (stack events, a task
 * starting, health checks, agents booting) is scheduled on this clock, which the control API
 * can speed up, slow down or advance, so tests run the same story in seconds.
 */
export interface SimulationClock {
  /** Simulated epoch milliseconds. */
  now(): number;
  /** Registers work to run on every tick, in registration order, with the simulated time. */
  onTick(step: (now: number) => void): void;
}
