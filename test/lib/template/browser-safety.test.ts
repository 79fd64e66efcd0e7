import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SOURCE = fileURLToPath(new URL('../../../lib/template/', import.meta.url));

// The form imports lib/template in the browser: it may only use itself, the shared error
// type and the YAML reader, never Node built-ins, `server-only` or the AWS SDK.
const ALLOWED = /^(\.\/[\w-]+|@\/lib\/errors|yaml)$/;

describe('lib/template', () => {
  it('imports nothing a browser bundle cannot carry', () => {
    const imports = readdirSync(SOURCE)
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) =>
        [...readFileSync(`${SOURCE}${name}`, 'utf8').matchAll(/from '([^']+)'/g)].map(
          (match) => `${name}: ${match[1]}`,
        ),
      );
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((line) => !ALLOWED.test(line.split(': ')[1] ?? ''))).toEqual([]);
  });
});
