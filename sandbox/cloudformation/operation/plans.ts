import type { ChangeRecord, StackRecord, StepAction, StepRecord } from '../model';
import { creationOrder, dependencyGraph, type DependencyGraph } from '../template/dependencies';
import { parseTemplate } from '../template/template';

/** Graphs of the given template bodies (undefined and unreadable ones are left out). */
export function graphsOf(...bodies: (string | undefined)[]): DependencyGraph[] {
  return bodies.flatMap((body) => {
    if (body === undefined) return [];
    try {
      return [dependencyGraph(parseTemplate(body))];
    } catch {
      return [];
    }
  });
}

/** Steps that act in dependency order: each waits for the steps of what it depends on. */
export function forwardSteps(
  actions: ReadonlyMap<string, StepAction>,
  graph: DependencyGraph,
): StepRecord[] {
  return creationOrder(graph)
    .filter((logicalId) => actions.has(logicalId))
    .map((logicalId) => ({
      logicalId,
      action: actions.get(logicalId) ?? 'create',
      after: (graph.get(logicalId) ?? []).filter((needed) => actions.has(needed)),
      state: 'waiting',
    }));
}

/** Deletion steps: each waits for the deletion of everything that depends on it. */
export function deletionSteps(
  actions: ReadonlyMap<string, StepAction>,
  graphs: readonly DependencyGraph[],
): StepRecord[] {
  return [...actions.entries()].map(([logicalId, action]) => {
    const after = new Set<string>();
    for (const graph of graphs) {
      for (const [dependent, needs] of graph) {
        if (dependent !== logicalId && needs.includes(logicalId) && actions.has(dependent)) {
          after.add(dependent);
        }
      }
    }
    return { logicalId, action, after: [...after], state: 'waiting' as const };
  });
}

/** What an update does to each resource a change list names (removals wait for cleanup). */
export function updateActions(changes: readonly ChangeRecord[]): Map<string, StepAction> {
  const actions = new Map<string, StepAction>();
  for (const change of changes) {
    if (change.action === 'Add') actions.set(change.logicalId, 'create');
    if (change.action === 'Modify') {
      const recreates = change.details.some(
        (detail) =>
          (detail.Target as { RequiresRecreation?: string }).RequiresRecreation === 'Always',
      );
      actions.set(
        change.logicalId,
        change.replacement === 'True' || (change.replacement === 'Conditional' && recreates)
          ? 'replace'
          : 'update',
      );
    }
  }
  return actions;
}

/** Resources of the stack that still exist (for deletion and rollback of a create). */
export function existingResources(stack: StackRecord): string[] {
  return stack.resources
    .filter((record) => record.status !== 'DELETE_COMPLETE')
    .map((record) => record.logicalId);
}
