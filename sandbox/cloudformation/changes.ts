import type { DeploymentView, ResourceView } from './deployment';
import type { ChangeRecord, Deployment, ParameterRecord, ResourceRecord } from './model';
import { validationError } from './refusals';
import { updateTypeOf } from './specification';
import { creationOrder, dependencyGraph } from './template/dependencies';
import { containsUnknown } from './template/intrinsics';
import { attributeOwner, collectReferences, type References } from './template/references';
import type { Template } from './template/template';

/** Builds a view of the next deployment whose resource lookups go through `lookup`. */
export type ViewFactory = (
  deployment: Deployment,
  lookup: (logicalId: string) => ResourceView,
) => DeploymentView;

/**
 * Compares the stack as deployed with a proposed deployment, resource by resource, the way a
 * change set reports it: Add, Modify (with Replacement from each changed property's
 * UpdateType in the resource specification, and the ChangeSource that caused it) or Remove.
 * Resources are visited in dependency order so that a replacement makes the `Ref` of the
 * replaced resource unknown to everything that depends on it.
 */
export function computeChanges(
  current: { deployment: Deployment; resources: readonly ResourceRecord[] },
  next: Deployment,
  makeView: ViewFactory,
): ChangeRecord[] {
  const records = new Map(
    current.resources
      .filter((record) => record.status !== 'DELETE_COMPLETE' && record.physicalId !== undefined)
      .map((record) => [record.logicalId, record]),
  );
  const unknown = new Set<string>();
  const view = makeView(next, (logicalId) => {
    if (unknown.has(logicalId)) return 'unknown';
    const record = records.get(logicalId);
    return record?.physicalId === undefined
      ? undefined
      : { physicalId: record.physicalId, attributes: record.attributes };
  });
  const previousView = makeView(current.deployment, () => 'unknown');
  const changes: ChangeRecord[] = [];
  const active = new Set<string>();

  for (const logicalId of creationOrder(dependencyGraph(view.template))) {
    if (!view.isActive(logicalId)) continue;
    active.add(logicalId);
    const declaration = view.template.resources.get(logicalId);
    const record = records.get(logicalId);
    if (!declaration) continue;
    if (!record) {
      unknown.add(logicalId);
      changes.push({ logicalId, type: declaration.type, action: 'Add', scope: [], details: [] });
      continue;
    }
    if (record.type !== declaration.type) {
      throw validationError(
        `Update of resource type is not permitted. The new template modifies resource type of the following resources: [${logicalId}]`,
      );
    }
    const change = modification(record, view, previousView.template, {
      previous: current.deployment.parameters,
      next: next.parameters,
      unknown,
    });
    if (!change) continue;
    if (change.replacement === 'True') unknown.add(logicalId);
    changes.push(change);
  }

  for (const record of records.values()) {
    if (active.has(record.logicalId)) continue;
    changes.push({
      logicalId: record.logicalId,
      type: record.type,
      action: 'Remove',
      physicalId: record.physicalId,
      scope: [],
      details: [],
    });
  }
  return changes;
}

interface CauseContext {
  readonly previous: readonly ParameterRecord[];
  readonly next: readonly ParameterRecord[];
  readonly unknown: ReadonlySet<string>;
}

function modification(
  record: ResourceRecord,
  view: DeploymentView,
  previousTemplate: Template,
  context: CauseContext,
): ChangeRecord | undefined {
  const logicalId = record.logicalId;
  const properties = view.properties(logicalId);
  const details: Record<string, unknown>[] = [];
  const names = new Set([...Object.keys(record.properties), ...Object.keys(properties)]);
  const newRaw = view.template.resources.get(logicalId)?.properties ?? {};
  const oldRaw = previousTemplate.resources.get(logicalId)?.properties ?? {};

  for (const name of names) {
    const changed =
      containsUnknown(properties[name]) ||
      canonical(record.properties[name]) !== canonical(properties[name]);
    if (!changed) continue;
    const recreation = RECREATION[updateTypeOf(record.type, name)];
    const target =
      name === 'Tags'
        ? { Attribute: 'Tags', RequiresRecreation: 'Never' }
        : { Attribute: 'Properties', Name: name, RequiresRecreation: recreation };
    const causes = causesOf(newRaw[name], oldRaw[name], view.template, context);
    for (const cause of causes) details.push({ Target: target, ...cause });
  }
  const oldMetadata = previousTemplate.resources.get(logicalId)?.metadata;
  const newMetadata = view.template.resources.get(logicalId)?.metadata;
  if (canonical(oldMetadata) !== canonical(newMetadata)) {
    details.push({
      Target: { Attribute: 'Metadata', RequiresRecreation: 'Never' },
      Evaluation: 'Static',
      ChangeSource: 'DirectModification',
    });
  }
  if (details.length === 0) return undefined;
  return {
    logicalId,
    type: record.type,
    action: 'Modify',
    physicalId: record.physicalId,
    replacement: replacementOf(details),
    scope: [
      ...new Set(details.map((detail) => (detail.Target as { Attribute: string }).Attribute)),
    ],
    details,
  };
}

const RECREATION = { Mutable: 'Never', Immutable: 'Always', Conditional: 'Conditionally' } as const;

function replacementOf(
  details: readonly Record<string, unknown>[],
): 'True' | 'False' | 'Conditional' {
  const recreation = (detail: Record<string, unknown>) =>
    (detail.Target as { RequiresRecreation: string }).RequiresRecreation;
  if (details.some((detail) => recreation(detail) === 'Always' && detail.Evaluation === 'Static')) {
    return 'True';
  }
  if (details.some((detail) => recreation(detail) !== 'Never')) return 'Conditional';
  return 'False';
}

function causesOf(
  newRaw: unknown,
  oldRaw: unknown,
  template: Template,
  context: CauseContext,
): Record<string, unknown>[] {
  const causes: Record<string, unknown>[] = [];
  if (canonical(newRaw) !== canonical(oldRaw)) {
    causes.push({ Evaluation: 'Static', ChangeSource: 'DirectModification' });
  }
  const references = referencesThroughConditions(newRaw, template);
  for (const name of references.refs) {
    if (parameterChanged(name, context)) {
      causes.push({
        Evaluation: 'Static',
        ChangeSource: 'ParameterReference',
        CausingEntity: name,
      });
    } else if (context.unknown.has(name)) {
      causes.push({ Evaluation: 'Static', ChangeSource: 'ResourceReference', CausingEntity: name });
    }
  }
  for (const attribute of references.attributes) {
    if (context.unknown.has(attributeOwner(attribute))) {
      causes.push({
        Evaluation: 'Dynamic',
        ChangeSource: 'ResourceAttribute',
        CausingEntity: attribute,
      });
    }
  }
  if (causes.length === 0)
    causes.push({ Evaluation: 'Static', ChangeSource: 'DirectModification' });
  return causes;
}

function referencesThroughConditions(node: unknown, template: Template): References {
  const found = collectReferences(node);
  const seen = new Set<string>();
  for (const condition of found.conditions) {
    if (seen.has(condition)) continue;
    seen.add(condition);
    collectReferences(template.conditions[condition], found);
  }
  return found;
}

function parameterChanged(name: string, context: CauseContext): boolean {
  const before = context.previous.find((record) => record.key === name);
  const after = context.next.find((record) => record.key === name);
  if (!after) return false;
  return (before?.resolved ?? before?.value) !== (after.resolved ?? after.value);
}

/** JSON with sorted keys, so that key order in a template never reads as a change. */
export function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) =>
      item && typeof item === 'object' && !Array.isArray(item)
        ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
        : item,
    ) ?? 'undefined'
  );
}
