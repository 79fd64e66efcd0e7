import { createHash } from 'node:crypto';
import {
  providerKey,
  type ProviderRegistry,
  type Provisioned,
  type ResourceProvider,
  type ResourceRequest,
} from '../core/provider';
import type { SimulationClock } from '../core/simulation';
import { DeploymentView, partitionOf, type RegionLookups } from './deployment';
import { regionRecord, type Deployment, type EngineState, type StackRecord } from './model';
import { attributesOf } from './specification';

/** What the engine needs from the sandbox while it runs operations. */
export interface EngineWorld {
  readonly clock: SimulationClock;
  readonly providers: ProviderRegistry;
  readonly accountId: string;
  readonly engine: EngineState;
  availabilityZones(region: string): string[];
}

/** Exports of every live stack in the region, and the region's availability zones. */
export function regionLookups(world: EngineWorld, region: string): RegionLookups {
  return {
    exportedValue: (name) => {
      for (const stack of regionRecord(world.engine, region).stacks) {
        if (stack.status === 'DELETE_COMPLETE') continue;
        const output = stack.outputs.find((candidate) => candidate.exportName === name);
        if (output) return output.value;
      }
      return undefined;
    },
    availabilityZones: (zoneRegion) => world.availabilityZones(zoneRegion),
  };
}

/** The stack's deployment (or another one) evaluated against its resources as they stand. */
export function stackView(
  world: EngineWorld,
  region: string,
  stack: StackRecord,
  deployment: Deployment = stack.deployment,
): DeploymentView {
  return new DeploymentView(
    deployment,
    {
      stackName: stack.stackName,
      stackId: stack.stackId,
      region,
      accountId: world.accountId,
      notificationArns: stack.notificationArns,
    },
    regionLookups(world, region),
    (logicalId) => {
      const record = stack.resources.find((resource) => resource.logicalId === logicalId);
      if (record?.physicalId === undefined || record.status === 'DELETE_COMPLETE') return undefined;
      return { physicalId: record.physicalId, attributes: record.attributes };
    },
  );
}

/** The provider for a type, or a stand-in that only invents ids for types nobody simulates. */
export function providerFor(world: EngineWorld, type: string): ResourceProvider {
  return world.providers.get(providerKey(type)) ?? STAND_IN_PROVIDER;
}

// Types the world does not simulate still need ids and Fn::GetAtt values so that the
// template deploys; the stand-in derives them from the request, deterministically.
const STAND_IN_PROVIDER: ResourceProvider = {
  create: standIn,
  update: (request) => standIn(request, request.physicalId),
  delete: () => undefined,
};

function standIn(request: ResourceRequest, existingId?: string): Provisioned {
  const suffix = createHash('sha256')
    .update(`${request.stackId}/${request.logicalId}/${JSON.stringify(request.properties)}`)
    .digest('hex')
    .slice(0, 12)
    .toUpperCase();
  const physicalId = existingId ?? `${request.stackName}-${request.logicalId}-${suffix}`;
  const service = request.resourceType.split('::')[1]?.toLowerCase() ?? 'sandbox';
  const arn = `arn:${partitionOf(request.region)}:${service}:${request.region}:${request.accountId}:${physicalId}`;
  const attributes: Record<string, unknown> = {};
  for (const name of attributesOf(request.resourceType)) {
    attributes[name] = /Arn$/.test(name) ? arn : physicalId;
  }
  return { physicalId, attributes };
}
