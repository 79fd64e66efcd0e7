import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Builds and starts the production dashboard for the demo and the end-to-end tests, the way
 * an operator runs it: `next build`, then `next start` with only documented settings.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SOURCE_DIRS = ['app', 'components', 'lib', 'public', 'cloudformation', 'jenkins'];
const SOURCE_FILES = [
  'next.config.ts',
  'package.json',
  'proxy.ts',
  'postcss.config.mjs',
  'instrumentation.ts',
  'instrumentation-node.ts',
];

function newestSourceTime(): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stats = statSync(entry);
    if (stats.isDirectory()) {
      for (const child of readdirSync(entry)) visit(path.join(entry, child));
    } else {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) visit(path.join(ROOT, dir));
  for (const file of SOURCE_FILES) visit(path.join(ROOT, file));
  return newest;
}

/** Whether `.next` holds a production build newer than every source file. */
export function buildIsFresh(): boolean {
  const marker = path.join(ROOT, '.next', 'BUILD_ID');
  return existsSync(marker) && statSync(marker).mtimeMs > newestSourceTime();
}

/**
 * Runs `next build` unless a fresh build is there; throws with its output when it fails. When
 * another build of this tree is running (a parallel test run, a developer), waits for it and
 * uses its result instead of failing.
 */
export async function buildDashboard(log: (line: string) => void = () => {}): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  while (!buildIsFresh()) {
    log('Building the dashboard (next build)…');
    const result = spawnSync('npx', ['next', 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (result.status === 0) return;
    const output = `${result.stdout}\n${result.stderr}`;
    if (
      !output.includes('Another next build process is already running') ||
      Date.now() > deadline
    ) {
      throw new Error(`next build failed:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

export interface RunningDashboard {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything the process printed, for a failing test to show. */
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Starts `next start` on 127.0.0.1 with the given environment and waits until it serves. */
export async function startDashboard(options: {
  port: number;
  env: Record<string, string>;
  onOutput?: (chunk: string) => void;
}): Promise<RunningDashboard> {
  const url = `http://127.0.0.1:${options.port}`;
  let output = '';
  const child = spawn(
    'npx',
    ['next', 'start', '--hostname', '127.0.0.1', '--port', String(options.port)],
    {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-200_000);
    options.onOutput?.(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    },
  };
}
