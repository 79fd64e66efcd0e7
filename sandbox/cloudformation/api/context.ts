import { createHash, randomUUID } from 'node:crypto';
import type { CallContext } from '../../core/types';
import { checkCapabilities } from '../capabilities';
import { DeploymentView, type ResourceView } from '../deployment';
import {
  findLiveStack,
  regionRecord,
  type Deployment,
  type ParameterRecord,
  type RegionRecord,
  type StackRecord,
} from '../model';
import type { StepContext } from '../operation/steps';
import {
  stackNotFound,
  templateFormatError,
  TemplateEvaluationError,
  tokenAlreadyUsed,
  validationError,
} from '../refusals';
import { isKnownResourceType } from '../specification';
import { dependencyGraph } from '../template/dependencies';
import {
  readSuppliedParameters,
  resolveParameters,
  type ParameterEnvironment,
  type ParameterMode,
} from '../template/parameters';
import { parseTemplate, type Template } from '../template/template';
import { regionLookups, type EngineWorld } from '../world';

/** The engine as the API handlers see it. */
export interface Api {
  readonly world: EngineWorld;
  ssmParameter(region: string, name: string): string | undefined;
  resourceExists(region: string, parameterType: string, value: string): boolean;
}

export function regionOf(api: Api, call: CallContext): RegionRecord {
  return regionRecord(api.world.engine, call.region);
}

export function stepContext(api: Api, call: CallContext, stack: StackRecord): StepContext {
  return { world: api.world, region: call.region, stack, now: api.world.clock.now() };
}

/** The live stack a request names, or AWS's "does not exist" refusal. */
export function requireStack(api: Api, call: CallContext, nameOrId: unknown): StackRecord {
  const name = String(nameOrId ?? '');
  const stack = findLiveStack(regionOf(api, call), name);
  if (!stack) throw stackNotFound(name);
  return stack;
}

export function text(input: Record<string, unknown>, key: string): string | undefined {
  const value = input[key];
  return value === undefined || value === null ? undefined : String(value);
}

export function flag(input: Record<string, unknown>, key: string): boolean {
  return String(input[key]) === 'true';
}

export function list(input: Record<string, unknown>, key: string): string[] {
  const value = input[key];
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

export function tags(input: Record<string, unknown>): { Key: string; Value: string }[] {
  const value = input.Tags;
  if (!Array.isArray(value)) return [];
  return value.map((tag: Record<string, unknown>) => ({
    Key: String(tag.Key ?? ''),
    Value: String(tag.Value ?? ''),
  }));
}

/**
 * Records a ClientRequestToken on the stack. Returns true when the same request was already
 * made with it (the caller answers as before); refuses a token reused for another request.
 */
export function claimToken(
  stack: StackRecord,
  token: string | undefined,
  operation: string,
  input: Record<string, unknown>,
): boolean {
  if (token === undefined) return false;
  const fingerprint = `${operation}:${createHash('sha256').update(JSON.stringify(input)).digest('hex')}`;
  const previous = stack.tokens[token];
  if (previous === fingerprint) return true;
  if (previous !== undefined) throw tokenAlreadyUsed(token);
  stack.tokens[token] = fingerprint;
  return false;
}

/** The template body a request names: TemplateBody, or the stack's with UsePreviousTemplate. */
export function templateBodyOf(input: Record<string, unknown>, stack?: StackRecord): string {
  const body = text(input, 'TemplateBody');
  const url = text(input, 'TemplateURL');
  if (flag(input, 'UsePreviousTemplate')) {
    if (body !== undefined || url !== undefined) {
      throw validationError(
        'You cannot specify both usePreviousTemplate and Template Body/Template URL',
      );
    }
    if (!stack) throw validationError('UsePreviousTemplate can only be used on an existing stack');
    return stack.deployment.templateBody;
  }
  if (body !== undefined) return body;
  if (url !== undefined) throw validationError('TemplateURL must be a supported URL.');
  throw validationError('Either Template URL or Template Body must be specified.');
}

/** Reads a template and refuses what AWS refuses before looking at parameters. */
export function checkedTemplate(body: string): Template {
  const template = parseTemplate(body);
  const unknownTypes = [...template.resources.values()]
    .map((resource) => resource.type)
    .filter((type) => !isKnownResourceType(type));
  if (unknownTypes.length > 0) {
    throw templateFormatError(
      `Unrecognized resource types: [${[...new Set(unknownTypes)].join(', ')}]`,
    );
  }
  if (template.transforms.length > 0) {
    throw validationError(
      `The sandbox does not run transforms (${template.transforms.join(', ')}); deploy the processed template.`,
    );
  }
  dependencyGraph(template);
  return template;
}

/**
 * Everything AWS checks synchronously before it accepts a create, update or change set:
 * template structure, parameters (with SSM values resolved afresh), capabilities, and that
 * every resource and output can be evaluated.
 */
export function prepareDeployment(
  api: Api,
  call: CallContext,
  identity: { stackName: string; stackId: string; notificationArns: string[] },
  request: { body: string; input: Record<string, unknown>; mode: ParameterMode },
): { deployment: Deployment; template: Template } {
  const template = checkedTemplate(request.body);
  const environment: ParameterEnvironment = {
    ssmParameter: (name) => api.ssmParameter(call.region, name),
    resourceExists: (type, value) => api.resourceExists(call.region, type, value),
  };
  const parameters: ParameterRecord[] = resolveParameters(
    template,
    readSuppliedParameters(request.input.Parameters),
    request.mode,
    environment,
  );
  checkCapabilities(template, list(request.input, 'Capabilities'));
  const deployment = { templateBody: request.body, parameters };
  const view = viewFor(api, call, identity, deployment, () => 'unknown');
  evaluating(() => {
    for (const resource of view.activeResources()) view.properties(resource.logicalId);
    view.outputs();
  });
  return { deployment, template };
}

/** A view of a deployment for a stack identity, resolving resources through `lookup`. */
export function viewFor(
  api: Api,
  call: CallContext,
  identity: { stackName: string; stackId: string; notificationArns: string[] },
  deployment: Deployment,
  lookup: (logicalId: string) => ResourceView,
): DeploymentView {
  return new DeploymentView(
    deployment,
    { ...identity, region: call.region, accountId: api.world.accountId },
    regionLookups(api.world, call.region),
    lookup,
  );
}

/** Runs template evaluation, answering its errors as ValidationError like AWS. */
export function evaluating<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TemplateEvaluationError) throw validationError(error.message);
    throw error;
  }
}

export function newStackId(api: Api, call: CallContext, name: string): string {
  return `arn:aws:cloudformation:${call.region}:${api.world.accountId}:stack/${name}/${randomUUID()}`;
}

export function isInProgress(status: string): boolean {
  return status.endsWith('_IN_PROGRESS');
}

const UPDATABLE = new Set([
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'UPDATE_FAILED',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_COMPLETE',
]);

/** Whether AWS accepts an update (or an UPDATE change set) for a stack in this status. */
export function isUpdatable(status: string): boolean {
  return UPDATABLE.has(status);
}

export function emptyStack(
  api: Api,
  call: CallContext,
  name: string,
  input: Record<string, unknown>,
): StackRecord {
  return {
    stackId: newStackId(api, call, name),
    stackName: name,
    status: 'CREATE_IN_PROGRESS',
    createdAt: api.world.clock.now(),
    deployment: { templateBody: '', parameters: [] },
    capabilities: list(input, 'Capabilities'),
    notificationArns: list(input, 'NotificationARNs'),
    tags: tags(input),
    disableRollback: flag(input, 'DisableRollback'),
    terminationProtection: flag(input, 'EnableTerminationProtection'),
    outputs: [],
    resources: [],
    events: [],
    changeSets: [],
    tokens: {},
  };
}

export function checkStackName(name: string | undefined): string {
  if (!name || !/^[a-zA-Z][-a-zA-Z0-9]{0,127}$/.test(name)) {
    throw validationError(
      `1 validation error detected: Value '${name ?? ''}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
    );
  }
  return name;
}
