import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SandboxControlClient } from '../sandbox/control-client';

const ROOT = path.resolve(import.meta.dirname, '..');

/** A sandbox running in its own process, as AWS runs apart from the dashboard. */
export interface SandboxProcess {
  readonly url: string;
  readonly control: SandboxControlClient;
  close(): Promise<void>;
}

/**
 * Starts `sandbox/cli.ts` in a child process on a free port, so that the sandbox's own work
 * (serialising 5,000 instances, simulating the world) does not share the event loop with the
 * dashboard code being measured, just as AWS does not. Its state lives in a temporary file
 * that is removed on close.
 */
export async function startSandboxProcess(options: {
  speed: number;
  seed: number;
}): Promise<SandboxProcess> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'jenkins-bench-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'sandbox/cli.ts',
      '--port',
      '0',
      '--state',
      path.join(stateDir, 'sandbox.json'),
      '--speed',
      String(options.speed),
      '--seed',
      String(options.seed),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (found !== undefined) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}:\n${output}`));
    });
  });

  return {
    url,
    control: new SandboxControlClient(url),
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
