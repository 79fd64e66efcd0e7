import 'server-only';
import { awsClients, type AwsClients } from '../aws/clients';
import { SnapshotCache } from './cache';
import { buildSnapshot, newStackMemory, type StackMemory } from './snapshot';
import type { StackSnapshot } from './types';

/**
 * The process-wide status service: one cache and one memory per stack, shared by every viewer
 * of every page. Tests build their own with `createStatusService`.
 */
export interface StatusService {
  snapshot(region: string, stackName: string): Promise<StackSnapshot>;
  invalidate(region: string, stackName: string): void;
}

export function createStatusService(
  clientsFor: (region: string) => AwsClients,
  cache = new SnapshotCache(),
): StatusService {
  const memories = new Map<string, StackMemory>();
  return {
    snapshot(region, stackName) {
      const key = `${region}/${stackName}`;
      return cache.get(key, () => {
        let memory = memories.get(key);
        if (memory === undefined) {
          memory = newStackMemory();
          memories.set(key, memory);
        }
        return buildSnapshot(clientsFor(region), stackName, memory);
      });
    },
    invalidate(region, stackName) {
      cache.invalidate(`${region}/${stackName}`);
    },
  };
}

let shared: StatusService | undefined;

/** The status service of this process. */
export function statusService(): StatusService {
  shared ??= createStatusService(awsClients);
  return shared;
}
