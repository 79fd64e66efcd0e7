import type { ResourceRequest } from '../core/provider';
import type { World } from '../world/world';

/** Reads resolved template properties, which may be strings, numbers or booleans. */
export function text(value: unknown, fallback = ''): string {
  return value === undefined || value === null ? fallback : String(value);
}

export function numberOr(value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : fallback;
}

export function flag(value: unknown, fallback = false): boolean {
  if (value === undefined || value === null) return fallback;
  return value === true || value === 'true';
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value)
    ? value
    : value === undefined || value === null || value === ''
      ? []
      : [value];
}

export function records(value: unknown): Record<string, unknown>[] {
  return list(value).filter(
    (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
  );
}

/**
 * The name CloudFormation generates when a template leaves a resource unnamed:
 * `<stack>-<LogicalId>-<RANDOM>`, both parts shortened to fit the type's length limit.
 */
export function generatedName(world: World, request: ResourceRequest, maxLength = 255): string {
  const suffix = Array.from(
    { length: 12 },
    () => '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[world.random.int(0, 35)],
  ).join('');
  const room = maxLength - suffix.length - 2;
  let stack = request.stackName;
  let logical = request.logicalId;
  if (stack.length + logical.length > room) {
    const half = Math.floor(room / 2);
    stack = stack.slice(0, Math.max(half, room - logical.length));
    logical = logical.slice(0, room - stack.length);
  }
  return `${stack}-${logical}-${suffix}`;
}

/**
 * Template property names to the ECS API's (`ContainerDefinitions` → `containerDefinitions`,
 * `EFSVolumeConfiguration` → `efsVolumeConfiguration`), recursively, leaving values alone.
 */
export function toApiShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toApiShape);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[apiName(key)] = toApiShape(child);
  return out;
}

function apiName(key: string): string {
  const capitals = /^[A-Z]+/.exec(key)?.[0] ?? '';
  if (capitals.length === 0) return key;
  if (capitals.length === key.length) return key.toLowerCase();
  const head = capitals.length > 1 ? capitals.slice(0, -1) : capitals;
  return head.toLowerCase() + key.slice(head.length);
}

/** The region named in an ARN (`arn:aws:ecs:eu-west-1:…`). */
export function regionOfArn(arn: string): string {
  return arn.split(':')[3] ?? '';
}
