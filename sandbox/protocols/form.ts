/**
 * Decodes an awsQuery / ec2Query form body into the operation name and nested input.
 *
 * Flattened keys are rebuilt: `Parameters.member.1.ParameterKey=a` becomes
 * `{Parameters: [{ParameterKey: 'a'}]}` (the `member` segment of awsQuery lists is dropped),
 * `Filter.1.Value.2=b` becomes `{Filter: [{Value: [undefined, 'b']}]}` compacted to arrays,
 * and `entry.N.key/value` maps become objects. An empty value (`Capabilities=`) stays `''`,
 * which is how the query protocols send an empty list.
 */
export function decodeQueryForm(body: string): { action: string; input: Record<string, unknown> } {
  const params = new URLSearchParams(body);
  const root: Record<string, unknown> = {};
  let action = '';

  for (const [key, value] of params) {
    if (key === 'Action') {
      action = value;
      continue;
    }
    if (key === 'Version') continue;
    const path = key.split('.').filter((segment) => segment !== 'member');
    assign(root, path, value);
  }

  return { action, input: compact(root) as Record<string, unknown> };
}

function assign(root: Record<string, unknown>, path: string[], value: string): void {
  let node: Record<string, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i] as string;
    const existing = node[segment];
    if (typeof existing === 'object' && existing !== null) {
      node = existing as Record<string, unknown>;
    } else {
      const child: Record<string, unknown> = {};
      node[segment] = child;
      node = child;
    }
  }
  node[path[path.length - 1] as string] = value;
}

/** Turns objects whose keys are all positive integers into arrays, and `entry` maps into objects. */
function compact(node: unknown): unknown {
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  const keys = Object.keys(record);

  if (keys.length > 0 && keys.every((key) => /^[1-9]\d*$/.test(key))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => compact(record[String(index)]));
  }

  if (keys.length === 1 && keys[0] === 'entry') {
    const entries = compact(record.entry);
    if (Array.isArray(entries)) {
      const map: Record<string, unknown> = {};
      for (const entry of entries as Record<string, unknown>[]) {
        map[String(entry.key)] = entry.value;
      }
      return map;
    }
  }

  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = compact(record[key]);
  return out;
}
