import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { hashPasswordSync } from '@/lib/auth/passwords';
import { startSandbox } from '@/sandbox/index';
import { buildDashboard, startDashboard } from '@/scripts/lib/dashboard-process';
import { E2E_USERS } from './support/users';

declare module 'vitest' {
  export interface ProvidedContext {
    dashboardUrl: string;
    sandboxUrl: string;
    /** Everything the dashboard process has printed so far (its log), as a file. */
    dashboardLogFile: string;
  }
}

const DASHBOARD_PORT = 3917;

/**
 * Starts what the browser journeys need, as an operator would run it: the sandbox (sped up so
 * a stack deploys in seconds), then the production build of the dashboard pointed at it with
 * only documented settings.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'jenkins-e2e-'));
  const sandbox = await startSandbox({
    port: 0,
    stateFile: path.join(stateDir, 'sandbox.json'),
    speed: 20,
    seed: 7,
  });
  await buildDashboard();
  const users = Object.values(E2E_USERS).map((user) => ({
    username: user.username,
    name: user.name,
    role: user.role,
    passwordHash: hashPasswordSync(user.password),
  }));
  const logFile = path.join(stateDir, 'dashboard.log');
  writeFileSync(logFile, '');
  const dashboard = await startDashboard({
    port: DASHBOARD_PORT,
    onOutput: (chunk) => appendFileSync(logFile, chunk),
    env: {
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL: sandbox.url,
      AWS_ACCESS_KEY_ID: 'sandbox',
      AWS_SECRET_ACCESS_KEY: 'sandbox',
      DASHBOARD_USERS: JSON.stringify(users),
      DASHBOARD_SESSION_SECRET: 'e2e-session-secret-that-is-long-enough-0123456789',
      DASHBOARD_PUBLIC_URL: `http://127.0.0.1:${DASHBOARD_PORT}`,
      LOG_LEVEL: 'info',
    },
  });
  project.provide('dashboardUrl', dashboard.url);
  project.provide('sandboxUrl', sandbox.url);
  project.provide('dashboardLogFile', logFile);
  return async () => {
    await dashboard.stop();
    await sandbox.close();
  };
}
