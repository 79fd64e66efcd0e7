import { isRecord } from './template';

/** The names a template fragment refers to, found without evaluating it. */
export interface References {
  /** `Ref` and `${Name}` targets (parameters, pseudo parameters and resources alike). */
  readonly refs: Set<string>;
  /** `Fn::GetAtt` and `${Resource.Attribute}` targets as `Resource.Attribute`. */
  readonly attributes: Set<string>;
  /** Conditions named by `Fn::If` or `Condition`. */
  readonly conditions: Set<string>;
}

/**
 * Walks a template fragment and collects what it refers to: the basis of dependency order
 * (which resource must exist before another) and of a change's ChangeSource.
 */
export function collectReferences(node: unknown, into?: References): References {
  const found = into ?? { refs: new Set(), attributes: new Set(), conditions: new Set() };
  walk(node, found);
  return found;
}

function walk(node: unknown, found: References): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, found);
    return;
  }
  if (!isRecord(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'Ref' && typeof value === 'string') found.refs.add(value);
    else if (key === 'Fn::GetAtt') collectGetAtt(value, found);
    else if (key === 'Fn::Sub') collectSub(value, found);
    else if (key === 'Fn::If' && Array.isArray(value) && typeof value[0] === 'string') {
      found.conditions.add(value[0]);
    } else if (key === 'Condition' && typeof value === 'string') found.conditions.add(value);
    walk(value, found);
  }
}

function collectGetAtt(value: unknown, found: References): void {
  if (typeof value === 'string') {
    found.attributes.add(value);
  } else if (Array.isArray(value) && typeof value[0] === 'string') {
    found.attributes.add(`${value[0]}.${typeof value[1] === 'string' ? value[1] : ''}`);
  }
}

function collectSub(value: unknown, found: References): void {
  const [text, variables] = Array.isArray(value) ? value : [value, {}];
  if (typeof text !== 'string') return;
  const local = isRecord(variables) ? new Set(Object.keys(variables)) : new Set<string>();
  for (const match of text.matchAll(/\$\{([^}!][^}]*)\}/g)) {
    const name = (match[1] ?? '').trim();
    if (local.has(name)) continue;
    if (name.includes('.')) found.attributes.add(name);
    else found.refs.add(name);
  }
}

/** The resource a `Resource.Attribute` reference names. */
export function attributeOwner(reference: string): string {
  const dot = reference.indexOf('.');
  return dot < 0 ? reference : reference.slice(0, dot);
}
