import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser, ModifiableInstruction, type Instruction } from 'dockerfile-ast';

/**
 * The container image's layout without a Docker engine: which build outputs the Dockerfile's
 * runtime stage copies where, and a way to lay them out in a folder and start `node server.js`
 * there the way the image does. Tests and `scripts/start-standalone.ts` use it, so a change to
 * the Dockerfile's COPY lines is what they run.
 */

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DOCKERFILE = path.join(ROOT, 'Dockerfile');

/** One `COPY --from=<build stage>` of the runtime stage, as paths in the repository. */
export interface RuntimeCopy {
  /** Relative to the repository root (the build stage's WORKDIR). */
  readonly source: string;
  /** Relative to the runtime stage's WORKDIR. */
  readonly target: string;
}

function workdirOf(instructions: readonly Instruction[]): string {
  const workdirs = instructions.filter((instruction) => instruction.getKeyword() === 'WORKDIR');
  return workdirs.at(-1)?.getArgumentsContent() ?? '/';
}

function relativeTo(base: string, file: string): string {
  const absolute = path.posix.resolve(base, file);
  const relative = path.posix.relative(base, absolute);
  if (relative.startsWith('..')) throw new Error(`${file} is outside ${base}`);
  return relative === '' ? '.' : relative;
}

/**
 * The runtime stage's copies from the build stage, read from the Dockerfile's text. The
 * runtime stage is the last FROM; the build stage is the one it copies from, whose WORKDIR is
 * where the repository sits in the build.
 */
export function runtimeCopies(dockerfileText: string): RuntimeCopy[] {
  const dockerfile = DockerfileParser.parse(dockerfileText);
  const instructions = dockerfile.getInstructions();
  const stageStarts = instructions.flatMap((instruction, index) =>
    instruction.getKeyword() === 'FROM' ? [index] : [],
  );
  const stageOf = (name: string): Instruction[] => {
    const at = stageStarts.findIndex((start) => {
      const words = instructions[start]?.getArgumentsContent()?.split(/\s+/) ?? [];
      return words.at(-1) === name && words.at(-2)?.toUpperCase() === 'AS';
    });
    if (at === -1) throw new Error(`The Dockerfile has no stage named ${name}.`);
    return instructions.slice(stageStarts[at], stageStarts[at + 1]);
  };

  const runtime = instructions.slice(stageStarts.at(-1) ?? 0);
  const runtimeWorkdir = workdirOf(runtime);
  const copies: RuntimeCopy[] = [];
  for (const instruction of runtime) {
    if (instruction.getKeyword() !== 'COPY' || !(instruction instanceof ModifiableInstruction)) {
      continue;
    }
    const from = instruction
      .getFlags()
      .find((flag) => flag.getName() === 'from')
      ?.getValue();
    if (from === null || from === undefined) continue;
    const paths = instruction.getArguments().map((argument) => argument.getValue());
    if (paths.length !== 2) {
      throw new Error(`Line ${instruction.getRange().start.line + 1}: expected COPY <src> <dest>.`);
    }
    const [source = '', target = ''] = paths;
    const buildWorkdir = workdirOf(stageOf(from));
    copies.push({
      source: relativeTo(buildWorkdir, source),
      target: relativeTo(runtimeWorkdir, target),
    });
  }
  return copies;
}

/**
 * Lays out the image's /app in `targetDir` from this checkout's build outputs, copy by copy as
 * the Dockerfile's runtime stage says. A source the build stage would create on the fly
 * (an empty public/) becomes an empty folder.
 */
export function assembleImageLayout(targetDir: string): RuntimeCopy[] {
  const copies = runtimeCopies(readFileSync(DOCKERFILE, 'utf8'));
  for (const copy of copies) {
    const source = path.join(ROOT, copy.source);
    const target = path.join(targetDir, copy.target);
    if (!existsSync(source)) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    // Docker copies a folder's contents into the target folder, and so does cpSync.
    mkdirSync(statSync(source).isDirectory() ? target : path.dirname(target), { recursive: true });
    cpSync(source, target, { recursive: true, verbatimSymlinks: true });
  }
  return copies;
}

export interface StandaloneProcess {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything the process printed so far. */
  readonly output: () => string;
  /** Resolves with the exit code when the process ends. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Starts `node server.js` in `dir` on 127.0.0.1 with exactly `env` (plus NODE_ENV, PORT and
 * HOSTNAME, which the image sets): nothing leaks in from the caller's environment, so a start proves
 * that the documented settings are enough.
 */
export function spawnStandalone(options: {
  dir: string;
  port: number;
  env: Record<string, string>;
}): StandaloneProcess {
  let output = '';
  const child = spawn(process.execPath, ['server.js'], {
    cwd: options.dir,
    env: {
      ...options.env,
      NODE_ENV: 'production',
      PORT: String(options.port),
      HOSTNAME: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  return {
    url: `http://127.0.0.1:${options.port}`,
    process: child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const ended = await Promise.race([
        exited.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 5_000)),
      ]);
      if (!ended) child.kill('SIGKILL');
    },
  };
}

/** Waits until the server answers /api/health, or fails with what it printed. */
export async function waitUntilServing(
  server: StandaloneProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.process.exitCode !== null) {
      throw new Error(`node server.js exited with ${server.process.exitCode}:\n${server.output()}`);
    }
    try {
      if ((await fetch(`${server.url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`node server.js did not answer within ${timeoutMs} ms:\n${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
