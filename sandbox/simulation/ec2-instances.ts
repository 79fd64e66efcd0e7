import type { Instance, RegionState } from '../world/state';

/** Sim milliseconds an instance spends in `pending` before `running`. */
export const INSTANCE_BOOT_MS = 15_000;
/** Sim milliseconds in `shutting-down` before `terminated`. */
const SHUTDOWN_MS = 20_000;
/** EC2 keeps terminated instances visible for about an hour. */
const TERMINATED_VISIBLE_MS = 60 * 60_000;

/** Starts terminating an instance (no-op when it is already on its way out). */
export function terminateInstance(instance: Instance, now: number, reason: string): void {
  if (instance.state === 'shutting-down' || instance.state === 'terminated') return;
  instance.state = 'shutting-down';
  instance.stateChangedAt = now;
  instance.stateTransitionReason = `${reason} (${new Date(now).toISOString().replace('T', ' ').slice(0, 19)} GMT)`;
}

/** Moves instances through their states over simulated time and forgets long-terminated ones. */
export function stepInstances(region: RegionState, now: number): void {
  for (const instance of Object.values(region.instances)) {
    if (instance.state === 'pending' && now - instance.stateChangedAt >= INSTANCE_BOOT_MS) {
      instance.state = 'running';
      instance.stateChangedAt = now;
    } else if (instance.state === 'shutting-down' && now - instance.stateChangedAt >= SHUTDOWN_MS) {
      instance.state = 'terminated';
      instance.stateChangedAt = now;
    } else if (
      instance.state === 'terminated' &&
      now - instance.stateChangedAt >= TERMINATED_VISIBLE_MS
    ) {
      delete region.instances[instance.instanceId];
    }
  }
}
