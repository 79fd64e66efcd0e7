import type { ProviderRegistry } from '../core/provider';
import type { SimulationClock } from '../core/simulation';
import type { ServiceDefinition } from '../core/types';
import { changeSetOperations, settleChangeSets } from './api/change-sets';
import type { Api } from './api/context';
import { readOperations } from './api/reads';
import { stackOperations } from './api/stacks';
import { engineState, type ParameterRecord } from './model';
import { advanceStack } from './operation/runner';
import type { EngineWorld } from './world';

/** What the CloudFormation engine needs from the rest of the sandbox. */
export interface CloudFormationDeps {
  clock: SimulationClock;
  providers: ProviderRegistry;
  accountId: string;
  ssmParameter(region: string, name: string): string | undefined;
  resourceExists(region: string, parameterType: string, value: string): boolean;
  availabilityZones(region: string): string[];
  /** JSON-serialisable object the engine owns and mutates; persisted by the sandbox. */
  state: Record<string, unknown>;
}

/** The sandbox's CloudFormation: the awsQuery service plus a fault hook for tests. */
export interface CloudFormationSandbox {
  service: ServiceDefinition;
  failResourceOnNextOperation(
    region: string,
    stackName: string,
    logicalId: string,
    reason: string,
  ): void;
  /**
   * Evidence for tests: the parameter values a live stack is deployed with, NoEcho ones
   * unmasked (AWS never shows them; the sandbox's control API does, so a test can prove a
   * secret was kept by UsePreviousValue and not replaced by its mask).
   */
  deployedParameters(region: string, stackName: string): ParameterRecord[] | undefined;
}

/**
 * Creates the sandbox's CloudFormation service: stacks, change sets and events kept per region
 * in `deps.state`, operations progressing on the simulation clock, resources acted on through
 * the providers of the simulated world.
 */
export function createCloudFormation(deps: CloudFormationDeps): CloudFormationSandbox {
  const engine = engineState(deps.state);
  const world: EngineWorld = {
    clock: deps.clock,
    providers: deps.providers,
    accountId: deps.accountId,
    engine,
    availabilityZones: (region) => deps.availabilityZones(region),
  };
  const api: Api = {
    world,
    ssmParameter: (region, name) => deps.ssmParameter(region, name),
    resourceExists: (region, type, value) => deps.resourceExists(region, type, value),
  };

  deps.clock.onTick((now) => {
    for (const [region, record] of Object.entries(engine.regions)) {
      for (const stack of record.stacks) {
        settleChangeSets(stack, now);
        if (stack.operation && !stack.operation.halted) {
          advanceStack({ world, region, stack, now });
        }
      }
    }
  });

  return {
    service: {
      signingName: 'cloudformation',
      protocol: 'query',
      xmlNamespace: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
      operations: {
        ...stackOperations(api),
        ...changeSetOperations(api),
        ...readOperations(api),
      },
    },
    failResourceOnNextOperation: (region, stackName, logicalId, reason) => {
      engine.faults.push({ region, stackName, logicalId, reason });
    },
    deployedParameters: (region, stackName) => {
      const stack = engine.regions[region]?.stacks.find(
        (candidate) => candidate.stackName === stackName && candidate.deletedAt === undefined,
      );
      return stack?.deployment.parameters.map((parameter) => ({ ...parameter }));
    },
  };
}
