import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser, ModifiableInstruction, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { runtimeCopies } from '@/scripts/lib/standalone';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const text = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(text);
const instructions = dockerfile.getInstructions();
const stageStarts = instructions.flatMap((instruction, index) =>
  instruction.getKeyword() === 'FROM' ? [index] : [],
);
const stages = stageStarts.map((start, index) => instructions.slice(start, stageStarts[index + 1]));
const runtime = stages.at(-1) ?? [];

const argumentsOf = (instruction: Instruction) => instruction.getArgumentsContent() ?? '';
const find = (stage: readonly Instruction[], keyword: string) =>
  stage.filter((instruction) => instruction.getKeyword() === keyword);

describe('the Dockerfile', () => {
  it('parses and validates without a problem', () => {
    const problems = validate(text).map(
      (problem) => `line ${problem.range.start.line + 1}: ${problem.message}`,
    );
    expect(problems).toEqual([]);
  });

  it('installs with npm ci, builds with next build, and runs from a third stage', () => {
    expect(
      stages.map((stage) =>
        argumentsOf(stage[0] as Instruction)
          .split(/\s+/)
          .at(-1),
      ),
    ).toEqual(['deps', 'build', 'runtime']);
    expect(
      find(stages[0] ?? [], 'RUN')
        .map(argumentsOf)
        .join('\n'),
    ).toMatch(/\bnpm ci\b/);
    expect(
      find(stages[1] ?? [], 'RUN')
        .map(argumentsOf)
        .join('\n'),
    ).toMatch(/\bnext build\b/);
  });

  it('runs on Node 20 (bookworm slim) as the unprivileged node user', () => {
    const image = dockerfile.getInitialARGs()[0]?.getProperty()?.getValue();
    expect(image).toBe('node:20-bookworm-slim');
    const users = find(runtime, 'USER').map(argumentsOf);
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
    const userLine = find(runtime, 'USER')[0]?.getRange().start.line ?? Infinity;
    const cmdLine = find(runtime, 'CMD')[0]?.getRange().start.line ?? -1;
    expect(userLine).toBeLessThan(cmdLine);
  });

  it('starts the standalone server in production on port 3000 and checks /api/health with node', () => {
    expect(find(runtime, 'ENV').map(argumentsOf).join(' ')).toMatch(/\bNODE_ENV=production\b/);
    expect(find(runtime, 'EXPOSE').map(argumentsOf)).toEqual(['3000']);
    expect(find(runtime, 'CMD').map(argumentsOf)).toEqual(['["node", "server.js"]']);
    const healthchecks = find(runtime, 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    const healthcheck = argumentsOf(healthchecks[0] as Instruction);
    expect(healthcheck).toMatch(/^CMD \["node", "-e", .*fetch\(.*\/api\/health/);
    expect(healthcheck).not.toMatch(/curl|wget/);
  });

  it('copies the standalone output, static assets, public files and the template into /app', () => {
    expect(runtimeCopies(text)).toEqual([
      { source: '.next/standalone', target: '.' },
      { source: '.next/static', target: '.next/static' },
      { source: 'public', target: 'public' },
      { source: 'cloudformation', target: 'cloudformation' },
    ]);
    const fromStages = find(runtime, 'COPY').map((copy) =>
      copy instanceof ModifiableInstruction
        ? copy
            .getFlags()
            .find((flag) => flag.getName() === 'from')
            ?.getValue()
        : undefined,
    );
    expect(new Set(fromStages)).toEqual(new Set(['build']));
  });

  it('bakes in no secret or setting of a deployment', () => {
    const declared = [
      ...find(runtime, 'ENV'),
      ...find(runtime, 'ARG'),
      ...dockerfile.getInitialARGs(),
    ]
      .map(argumentsOf)
      .join(' ');
    expect(declared).not.toMatch(/SECRET|PASSWORD|TOKEN|AWS_|DASHBOARD_|OIDC_/i);
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.git', 'node_modules', '.next', '.env', '.env.*']) {
      expect(ignored).toContain(entry);
    }
  });
});
