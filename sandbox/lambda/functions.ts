import type { ResourceProvider, ResourceRequest } from '../core/provider';
import type { World } from '../world/world';
import { generatedName, numberOr, text } from '../providers/properties';

export const LAMBDA_FUNCTION = 'AWS::Lambda::Function';

/** What the sandbox needs to run a function: inline Node.js code and its settings. */
export interface SandboxFunction {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  readonly code: string;
  /** The exported name in index.js (`index.handler` → `handler`). */
  readonly exportName: string;
  readonly timeoutSeconds: number;
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * AWS::Lambda::Function, for the functions a template carries inline: the sandbox keeps the
 * function on record and runs its code (sandbox/lambda/invoke.ts) when a custom resource asks.
 * Only Node.js runtimes with Code.ZipFile and an `index.*` handler can run here; anything else
 * fails the resource with a message that says so, rather than deploying a function that would
 * never answer.
 */
export function lambdaProviders(world: World): Record<string, ResourceProvider> {
  const record = (request: ResourceRequest, name: string, arn: string) => {
    world.region(request.region).recorded[name] = {
      type: LAMBDA_FUNCTION,
      physicalId: name,
      attributes: { Arn: arn },
      properties: { ...request.properties },
      stackName: request.stackName,
    };
  };
  return {
    [LAMBDA_FUNCTION]: {
      create(request) {
        runnable(request.properties);
        const name = text(request.properties.FunctionName) || generatedName(world, request, 64);
        const arn = world.arn('lambda', request.region, `function:${name}`);
        record(request, name, arn);
        return { physicalId: name, attributes: { Arn: arn } };
      },
      update(request) {
        runnable(request.properties);
        const arn = world.arn('lambda', request.region, `function:${request.physicalId}`);
        record(request, request.physicalId, arn);
        return { physicalId: request.physicalId, attributes: { Arn: arn } };
      },
      delete(request) {
        delete world.region(request.region).recorded[request.physicalId];
      },
    },
  };
}

/** The function a custom resource's ServiceToken names, if the sandbox has it. */
export function functionByArn(world: World, arn: string): SandboxFunction | undefined {
  const region = arn.split(':')[3] ?? '';
  const recorded = Object.values(world.region(region).recorded).find(
    (resource) => resource.type === LAMBDA_FUNCTION && resource.attributes.Arn === arn,
  );
  if (recorded === undefined) return undefined;
  const { code, exportName } = runnable(recorded.properties);
  const variables = (recorded.properties.Environment as { Variables?: Record<string, unknown> })
    ?.Variables;
  return {
    name: recorded.physicalId,
    arn,
    region,
    code,
    exportName,
    timeoutSeconds: numberOr(recorded.properties.Timeout, 3),
    environment: Object.fromEntries(
      Object.entries(variables ?? {}).map(([key, value]) => [key, text(value)]),
    ),
  };
}

function runnable(properties: Readonly<Record<string, unknown>>): {
  code: string;
  exportName: string;
} {
  const runtime = text(properties.Runtime);
  const code = text((properties.Code as { ZipFile?: unknown } | undefined)?.ZipFile);
  const handler = text(properties.Handler);
  if (!runtime.startsWith('nodejs') || code === '') {
    throw new Error(
      `The sandbox runs only Node.js functions with inline code (Code.ZipFile); got runtime '${runtime || 'none'}'${code === '' ? ' without ZipFile' : ''}.`,
    );
  }
  const [file, exportName, ...rest] = handler.split('.');
  if (file !== 'index' || !exportName || rest.length > 0) {
    throw new Error(
      `Handler '${handler}' does not name an export of index.js; inline code is saved as index.js, so use index.<export>.`,
    );
  }
  return { code, exportName };
}
