import { SeededRandom } from '../core/random';
import type { SimulationClock } from '../core/simulation';
import { seedRegion } from './seed';
import type { RegionState, Subnet, WorldState } from './state';

/**
 * The simulated account: per-region state (seeded on first use), the id generator and the clock.
 * Everything that lives in AWS lives here, so that services, providers and the simulation share
 * one truth and the whole of it can be saved and restored.
 */
export class World {
  readonly random: SeededRandom;

  constructor(
    readonly state: WorldState,
    readonly clock: SimulationClock,
    readonly accountId: string,
  ) {
    this.random = new SeededRandom(state.randomSeed);
  }

  /** The region's state, seeded with the account's networking the first time it is used. */
  region(name: string): RegionState {
    let region = this.state.regions[name];
    if (!region) {
      region = seedRegion(this, name);
      this.state.regions[name] = region;
    }
    return region;
  }

  /** Regions that exist so far. */
  regionNames(): string[] {
    return Object.keys(this.state.regions);
  }

  now(): number {
    return this.clock.now();
  }

  /** Makes the generator's position part of the saved state. */
  snapshot(): WorldState {
    this.state.randomSeed = this.random.seed;
    this.state.clock.now = this.clock.now();
    return this.state;
  }

  /** An EC2-style id: `prefix-` and 17 hex digits (e.g. `i-0a1b…`). */
  ec2Id(prefix: string): string {
    return `${prefix}-0${this.random.hex(16)}`;
  }

  arn(service: string, region: string, resource: string): string {
    return `arn:aws:${service}:${region}:${this.accountId}:${resource}`;
  }

  /** A free private IPv4 address in the subnet's CIDR. */
  privateIp(subnet: Subnet): string {
    const [base = '10.0.0.0', bits = '24'] = subnet.cidrBlock.split('/');
    const start = base.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
    const size = 2 ** (32 - Number(bits));
    // AWS reserves the first four and the last address of every subnet.
    const address = start + this.random.int(4, size - 2);
    return [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join('.');
  }
}

/** A new, empty world. */
export function emptyWorldState(now: number, seed: number): WorldState {
  return {
    version: 1,
    clock: { now },
    randomSeed: seed,
    regions: {},
    hostedZones: {},
    cloudformation: {},
  };
}
