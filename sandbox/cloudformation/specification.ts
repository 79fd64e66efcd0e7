import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** How a property change is applied, in the resource specification's own words. */
export type UpdateType = 'Mutable' | 'Immutable' | 'Conditional';

interface ResourceSpecification {
  readonly updateTypes: ReadonlyMap<string, UpdateType>;
  readonly attributes: ReadonlySet<string>;
}

let resourceTypes: ReadonlyMap<string, ResourceSpecification> | undefined;

/**
 * The published CloudFormation resource specification (from @aws-cdk/cfnspec), reduced to
 * what the engine needs: each property's UpdateType and each type's Fn::GetAtt attributes.
 * Read once, on first use, because the file is large and most sandbox runs need it late.
 */
function specification(): ReadonlyMap<string, ResourceSpecification> {
  if (resourceTypes) return resourceTypes;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@aws-cdk/cfnspec/spec/specification.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    ResourceTypes: Record<
      string,
      { Properties?: Record<string, { UpdateType?: UpdateType }>; Attributes?: object }
    >;
  };
  const reduced = new Map<string, ResourceSpecification>();
  for (const [type, resource] of Object.entries(raw.ResourceTypes)) {
    const updateTypes = new Map<string, UpdateType>();
    for (const [name, property] of Object.entries(resource.Properties ?? {})) {
      updateTypes.set(name, property.UpdateType ?? 'Mutable');
    }
    reduced.set(type, { updateTypes, attributes: new Set(Object.keys(resource.Attributes ?? {})) });
  }
  resourceTypes = reduced;
  return reduced;
}

/** Whether CloudFormation knows the resource type (custom resources always count). */
export function isKnownResourceType(type: string): boolean {
  return type.startsWith('Custom::') || specification().has(type);
}

/** The UpdateType of a property; properties the specification does not list count as Mutable. */
export function updateTypeOf(resourceType: string, property: string): UpdateType {
  return specification().get(resourceType)?.updateTypes.get(property) ?? 'Mutable';
}

/** The Fn::GetAtt attributes the specification declares for a type (empty when unknown). */
export function attributesOf(resourceType: string): ReadonlySet<string> {
  return specification().get(resourceType)?.attributes ?? new Set();
}
