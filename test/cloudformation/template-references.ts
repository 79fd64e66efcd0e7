/**
 * What a CloudFormation template's resources refer to, for tests that must prove that a
 * parameter edit reaches only some resources. Works on the long form `readTemplateText`
 * produces: `Ref`, `Fn::GetAtt`, `Fn::Sub` (string and `[string, variables]` forms, with
 * `${!literal}` escapes), `Fn::If` and `Condition` (through the Conditions section).
 * `DependsOn` is ordering, not data, so it never counts as a reference.
 */

type Section = Record<string, unknown>;

export interface TemplateSections {
  conditions: Section;
  resources: Section;
}

/** Reads the sections reference analysis needs, treating missing ones as empty. */
export function sectionsOf(template: Record<string, unknown>): TemplateSections {
  return {
    conditions: asRecord(template.Conditions),
    resources: asRecord(template.Resources),
  };
}

/**
 * Names of parameters and resources one value refers to directly, including those reached
 * through the conditions of any `Fn::If` or `Condition` in it. Pseudo parameters (`AWS::…`)
 * are left out.
 */
export function directReferences(value: unknown, conditions: Section): Set<string> {
  const names = new Set<string>();
  collect(value, conditions, names, new Set());
  return names;
}

/**
 * Logical ids of the resources whose properties (or resource-level condition) depend on
 * `name`, directly or through other resources, found as a fixpoint over the reference graph.
 */
export function resourcesDependingOn(name: string, sections: TemplateSections): Set<string> {
  const referencesOf = new Map<string, Set<string>>();
  for (const [logicalId, resource] of Object.entries(sections.resources)) {
    const dataOnly = Object.fromEntries(
      Object.entries(asRecord(resource)).filter(([key]) => key !== 'DependsOn'),
    );
    referencesOf.set(logicalId, directReferences(dataOnly, sections.conditions));
  }

  const dependents = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [logicalId, references] of referencesOf) {
      if (dependents.has(logicalId)) continue;
      if (references.has(name) || [...references].some((other) => dependents.has(other))) {
        dependents.add(logicalId);
        grew = true;
      }
    }
  }
  return dependents;
}

function collect(value: unknown, conditions: Section, names: Set<string>, seen: Set<string>) {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, conditions, names, seen);
    return;
  }
  if (typeof value !== 'object' || value === null) return;

  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string') {
      addName(inner, names);
    } else if (key === 'Fn::GetAtt') {
      const target = Array.isArray(inner) ? inner[0] : String(inner).split('.')[0];
      if (typeof target === 'string') addName(target, names);
    } else if (key === 'Fn::Sub') {
      collectSub(inner, conditions, names, seen);
    } else if (key === 'Fn::If' && Array.isArray(inner)) {
      const [condition, ...branches] = inner;
      if (typeof condition === 'string') collectCondition(condition, conditions, names, seen);
      collect(branches, conditions, names, seen);
    } else if (key === 'Condition' && typeof inner === 'string') {
      collectCondition(inner, conditions, names, seen);
    } else {
      collect(inner, conditions, names, seen);
    }
  }
}

function collectSub(sub: unknown, conditions: Section, names: Set<string>, seen: Set<string>) {
  const [text, variables] = Array.isArray(sub) ? sub : [sub, {}];
  const local = asRecord(variables);
  collect(local, conditions, names, seen);
  if (typeof text !== 'string') return;

  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    const inside = match[1] ?? '';
    // `${!Name}` is written out literally, not substituted.
    if (inside.startsWith('!')) continue;
    const name = inside.split('.')[0] ?? '';
    if (!(name in local)) addName(name, names);
  }
}

function collectCondition(
  condition: string,
  conditions: Section,
  names: Set<string>,
  seen: Set<string>,
) {
  if (seen.has(condition)) return;
  seen.add(condition);
  collect(conditions[condition], conditions, names, seen);
}

function addName(name: string, names: Set<string>) {
  if (name !== '' && !name.startsWith('AWS::')) names.add(name);
}

function asRecord(value: unknown): Section {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Section)
    : {};
}
