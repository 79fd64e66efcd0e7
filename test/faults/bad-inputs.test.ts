import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogLines, withAuthEnvironment } from '@/test/support/auth';
import { launchStack, startTestSandbox, type TestSandbox } from '@/test/support/sandbox';
import { badInputs, CORPUS_STACK, ROUTES_WITHOUT_INPUT, type BadInput } from './bad-inputs.corpus';
import {
  callRoute,
  lastRequestSeq,
  mutatingCallsSince,
  required,
  routesUseSandbox,
} from './support';

type Handler = Parameters<typeof callRoute>[0];

let env: TestSandbox | undefined;
withAuthEnvironment();
captureLogLines();
routesUseSandbox(() => env);

const corpus = badInputs();
let since = 0;

async function handlerOf(input: BadInput): Promise<Handler> {
  const file = join(process.cwd(), 'app', 'api', input.route, 'route.ts');
  const exported = (await import(/* @vite-ignore */ file)) as Record<string, Handler>;
  return exported[input.method];
}

/** Everything the answer tells the person: its message and each field's message. */
function wording(body: Awaited<ReturnType<typeof callRoute>>['body']): string {
  return [body.message ?? '', ...Object.values(body.details?.fields ?? {})].join(' | ');
}

describe('faults › bad inputs to every API route', () => {
  beforeAll(async () => {
    env = await startTestSandbox({ speed: 40, seed: 54 });
    expect(await launchStack(env.clients, CORPUS_STACK)).toBe('CREATE_COMPLETE');
    since = await lastRequestSeq(env);
  });

  afterAll(() => env?.close());

  it('holds at least 50 bad inputs and reaches every route on disk that takes input', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    const covered = new Set([...corpus.map((input) => input.route), ...ROUTES_WITHOUT_INPUT]);
    expect(routesOnDisk().filter((route) => !covered.has(route))).toEqual([]);
  });

  it.each(corpus.map((input) => [`${input.method} ${input.route}: ${input.why}`, input] as const))(
    'answers %s with a clear 4xx',
    async (_, input) => {
      const answer = await callRoute(await handlerOf(input), input.path, {
        method: input.method,
        role: 'admin',
        params: input.params,
        body: input.body,
        contentType: input.contentType,
      });
      const said = wording(answer.body);
      expect(answer.status, said).toBe(input.status);
      expect(answer.body.code, said).toMatch(
        /^(bad_request|unsupported_media_type|payload_too_large|not_found):/,
      );
      expect(said).toMatch(input.says);
    },
  );

  it('made no mutating AWS call for any of them', async () => {
    expect(await mutatingCallsSince(required(env), since)).toEqual([]);
  });
});

/** `stacks/[name]/scale` for app/api/stacks/[name]/scale/route.ts, for every route file. */
function routesOnDisk(directory = join(process.cwd(), 'app', 'api')): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return routesOnDisk(path);
    if (entry.name !== 'route.ts') return [];
    return [
      relative(join(process.cwd(), 'app', 'api'), directory)
        .split(sep)
        .join('/'),
    ];
  });
}
