import { templateError, templateFormatError, validationError } from '../refusals';
import { attributeOwner, collectReferences } from './references';
import type { Template } from './template';

export const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** Resource → the resources it needs first (from Ref, Fn::GetAtt, Fn::Sub and DependsOn). */
export type DependencyGraph = ReadonlyMap<string, readonly string[]>;

const graphs = new WeakMap<Template, DependencyGraph>();

/**
 * Builds (once per template) the dependency graph, refusing what AWS refuses before
 * deploying: references to nothing, Fn::GetAtt on undeclared resources, and cycles.
 */
export function dependencyGraph(template: Template): DependencyGraph {
  const cached = graphs.get(template);
  if (cached) return cached;
  const parameterNames = new Set(template.parameters.map((parameter) => parameter.key));
  const graph = new Map<string, string[]>();
  for (const resource of template.resources.values()) {
    const references = collectReferences(resource.properties);
    checkNames(template, parameterNames, references.refs, references.attributes);
    const needs = new Set<string>();
    for (const name of references.refs) if (template.resources.has(name)) needs.add(name);
    for (const attribute of references.attributes) needs.add(attributeOwner(attribute));
    for (const name of resource.dependsOn) {
      if (!template.resources.has(name)) {
        throw templateFormatError(
          `Unresolved resource dependencies [${name}] in the Resources block of the template`,
        );
      }
      needs.add(name);
    }
    needs.delete(resource.logicalId);
    graph.set(resource.logicalId, [...needs]);
  }
  for (const output of template.outputs) {
    const references = collectReferences(output.value);
    checkNames(template, parameterNames, references.refs, references.attributes);
  }
  checkAcyclic(graph);
  graphs.set(template, graph);
  return graph;
}

function checkNames(
  template: Template,
  parameters: ReadonlySet<string>,
  refs: ReadonlySet<string>,
  attributes: ReadonlySet<string>,
): void {
  const unresolved = [...refs].filter(
    (name) =>
      !parameters.has(name) && !PSEUDO_PARAMETERS.has(name) && !template.resources.has(name),
  );
  if (unresolved.length > 0) {
    throw templateFormatError(
      `Unresolved resource dependencies [${unresolved.join(', ')}] in the Resources block of the template`,
    );
  }
  for (const attribute of attributes) {
    const owner = attributeOwner(attribute);
    if (!template.resources.has(owner)) {
      throw templateError(`instance of Fn::GetAtt references undefined resource ${owner}`);
    }
  }
}

function checkAcyclic(graph: DependencyGraph): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (node: string, path: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'visiting') {
      const cycle = path.slice(path.indexOf(node));
      throw validationError(`Circular dependency between resources: [${cycle.sort().join(', ')}]`);
    }
    state.set(node, 'visiting');
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node, []);
}

/** Resources ordered so that each comes after everything it depends on. */
export function creationOrder(graph: DependencyGraph): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (node: string): void => {
    if (placed.has(node)) return;
    placed.add(node);
    for (const next of graph.get(node) ?? []) place(next);
    ordered.push(node);
  };
  for (const node of graph.keys()) place(node);
  return ordered;
}

/** Resources that depend on `logicalId` (the reverse edges, used for deletion order). */
export function dependents(graph: DependencyGraph, logicalId: string): string[] {
  return [...graph.entries()]
    .filter(([, needs]) => needs.includes(logicalId))
    .map(([name]) => name);
}
