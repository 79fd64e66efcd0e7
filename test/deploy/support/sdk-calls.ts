import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Finds, by reading the source, every AWS API call the dashboard's code can send: each
 * `new XCommand(` and `paginateX(` in a file, resolved through that file's imports to the
 * `@aws-sdk/client-*` package it comes from, and named as the IAM action it needs.
 */

/** IAM service prefix of each SDK client package the project may use. */
export const IAM_PREFIX_BY_CLIENT: Readonly<Record<string, string>> = {
  '@aws-sdk/client-cloudformation': 'cloudformation',
  '@aws-sdk/client-ecs': 'ecs',
  '@aws-sdk/client-ec2': 'ec2',
  '@aws-sdk/client-elastic-load-balancing-v2': 'elasticloadbalancing',
  '@aws-sdk/client-ssm': 'ssm',
  '@aws-sdk/client-route-53': 'route53',
};

export interface SdkCall {
  /** `service:Action`, e.g. `cloudformation:DescribeStacks`. */
  readonly action: string;
  /** `file:line` where the call is made. */
  readonly at: string;
}

export interface SdkScan {
  readonly calls: readonly SdkCall[];
  /** Calls whose SDK package could not be told from the file's imports, or waiters. */
  readonly unresolved: readonly string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry) ? [full] : [];
  });
}

/** Imported name → module, for the named imports of one file. */
function namedImports(text: string): Map<string, string> {
  const names = new Map<string, string>();
  const imports = /import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g;
  for (const [, specifiers = '', packageName = ''] of text.matchAll(imports)) {
    for (const specifier of specifiers.split(',')) {
      const local = specifier
        .replace(/^\s*type\s+/, '')
        .split(/\s+as\s+/)
        .at(-1)
        ?.trim();
      if (local) names.set(local, packageName);
    }
  }
  return names;
}

/** Scans the given folders (relative to `root`) for SDK calls. */
export function scanSdkCalls(root: string, folders: readonly string[]): SdkScan {
  const calls: SdkCall[] = [];
  const unresolved: string[] = [];
  for (const file of folders.flatMap((folder) => sourceFiles(path.join(root, folder)))) {
    const text = readFileSync(file, 'utf8');
    const imports = namedImports(text);
    const relative = path.relative(root, file);
    const lineOf = (index: number) => text.slice(0, index).split('\n').length;

    const patterns: [RegExp, (name: string) => string][] = [
      [/new\s+(\w+)Command\s*\(/g, (name) => `${name}Command`],
      [/\bpaginate(\w+)\s*\(/g, (name) => `paginate${name}`],
    ];
    for (const [pattern, importedName] of patterns) {
      for (const match of text.matchAll(pattern)) {
        const operation = match[1] ?? '';
        const at = `${relative}:${lineOf(match.index)}`;
        const source = imports.get(importedName(operation));
        const declaredHere = new RegExp(`\\b(class|function)\\s+${importedName(operation)}\\b`);
        // The project's own XCommand classes or paginateX helpers are not AWS calls.
        if ((source !== undefined && !source.startsWith('@aws-sdk/')) || declaredHere.test(text)) {
          continue;
        }
        const prefix = IAM_PREFIX_BY_CLIENT[source ?? ''];
        if (prefix === undefined) unresolved.push(`${importedName(operation)} at ${at}`);
        else calls.push({ action: `${prefix}:${operation}`, at });
      }
    }
    for (const match of text.matchAll(/\bwaitUntil(\w+)\s*\(/g)) {
      // A waiter polls some Describe call; name it here before the policy test can vouch for it.
      unresolved.push(`waiter waitUntil${match[1] ?? ''} at ${relative}:${lineOf(match.index)}`);
    }
  }
  return { calls, unresolved };
}
