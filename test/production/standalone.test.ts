import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPasswordSync } from '@/lib/auth/passwords';
import { buildDashboard, buildIsFresh } from '@/scripts/lib/dashboard-process';
import {
  ROOT,
  assembleImageLayout,
  spawnStandalone,
  waitUntilServing,
  type StandaloneProcess,
} from '@/scripts/lib/standalone';
import { launchStack, startTestSandbox, type TestSandbox } from '@/test/support/sandbox';

/**
 * The production build as the container image runs it: the standalone output laid out the
 * way the Dockerfile copies it, `node server.js`, and only documented settings. The build is
 * made here only when none is fresh (the browser journeys' setup builds too).
 */

const STACK = 'jenkins-prod';
const PASSWORD = 'a-long-operator-password-for-tests';
const SESSION_SECRET = 'production-test-session-secret-0123456789abcdef';
const STANDALONE_SERVER = path.join(ROOT, '.next', 'standalone', 'server.js');
async function ensureProductionBuild(): Promise<void> {
  await buildDashboard();
  if (!buildIsFresh() || !existsSync(STANDALONE_SERVER)) {
    throw new Error('The standalone build is older than its sources: run `npm run build`.');
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address !== null ? address.port : 0),
      );
    });
  });
}

let layout: string;
let sandbox: TestSandbox;

/** The settings an operator gives the container: each one in the README's reference. */
function documentedSettings(publicUrl: string): Record<string, string> {
  const users = [
    {
      username: 'ops',
      name: 'Olivia Ops',
      role: 'operator',
      passwordHash: hashPasswordSync(PASSWORD),
    },
  ];
  return {
    AWS_REGION: 'eu-west-1',
    DASHBOARD_REGIONS: 'eu-west-1,us-east-1',
    AWS_ENDPOINT_URL: sandbox.sandbox.url,
    AWS_ACCESS_KEY_ID: 'sandbox',
    AWS_SECRET_ACCESS_KEY: 'sandbox',
    DASHBOARD_PUBLIC_URL: publicUrl,
    DASHBOARD_SESSION_SECRET: SESSION_SECRET,
    DASHBOARD_USERS: JSON.stringify(users),
    LOG_LEVEL: 'info',
  };
}

async function startServer(
  settings: (publicUrl: string) => Record<string, string>,
): Promise<StandaloneProcess> {
  const port = await freePort();
  return spawnStandalone({ dir: layout, port, env: settings(`http://127.0.0.1:${port}`) });
}

beforeAll(async () => {
  await ensureProductionBuild();
  layout = mkdtempSync(path.join(tmpdir(), 'jenkins-image-app-'));
  assembleImageLayout(layout);
  sandbox = await startTestSandbox({ speed: 40, seed: 11 });
}, 15 * 60_000);

afterAll(async () => {
  await sandbox?.close();
  if (layout !== undefined) rmSync(layout, { recursive: true, force: true });
});

describe('the production build, laid out as in the container image', () => {
  let server: StandaloneProcess;
  let cookie: string;

  beforeAll(async () => {
    expect(await launchStack(sandbox.clients, STACK)).toBe('CREATE_COMPLETE');
    server = await startServer(documentedSettings);
    await waitUntilServing(server);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  const get = (pathname: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${pathname}`, { headers: { cookie, ...headers }, redirect: 'manual' });

  it('carries the bundled template and the JCasC file in its traced output', () => {
    expect(existsSync(path.join(ROOT, '.next/standalone/cloudformation/jenkins.yaml'))).toBe(true);
    expect(existsSync(path.join(ROOT, '.next/standalone/jenkins/casc.yaml'))).toBe(true);
    expect(existsSync(path.join(layout, 'cloudformation/jenkins.yaml'))).toBe(true);
  });

  it('answers the health check and sends anonymous visitors to sign in', async () => {
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: 'ok' });
    const anonymous = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.status).toBeLessThan(400);
    expect(anonymous.headers.get('location')).toMatch(/\/signin\?next=%2F$/);
  });

  it('signs a local operator in from its own origin', async () => {
    const response = await fetch(`${server.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'ops', password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { name: 'Olivia Ops', role: 'operator' } });
    cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/=./);
  });

  it('lists the launched stack on the overview, across the configured regions', async () => {
    const overview = (await (await get('/api/stacks')).json()) as {
      regions: string[];
      stacks: {
        name: string;
        region: string;
        status: string;
        templateVersion?: string;
        jenkinsUrl?: string;
      }[];
      regionErrors: unknown[];
    };
    expect(overview.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(overview.regionErrors).toEqual([]);
    expect(overview.stacks).toEqual([
      expect.objectContaining({
        name: STACK,
        region: 'eu-west-1',
        status: 'CREATE_COMPLETE',
        templateVersion: 'jenkins-on-aws/v1',
        jenkinsUrl: expect.stringMatching(/^https?:\/\//),
      }),
    ]);

    const page = await get('/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Jenkins stacks');
    // The client scripts are served from the copied .next/static.
    const script = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect(script).toBeDefined();
    expect((await get(script ?? '')).status).toBe(200);
  });

  it('shows the stack page and its snapshot', async () => {
    const page = await get(`/stacks/${STACK}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<title>${STACK} · Jenkins on AWS</title>`);

    const snapshot = (await (await get(`/api/stacks/${STACK}`)).json()) as {
      stack: { name: string; status: string; outputs: { key: string; value: string }[] };
      controller?: { clusterName: string; desired: number };
      agents: { cap?: number };
      verdict: { level: string };
    };
    expect(snapshot.stack).toMatchObject({ name: STACK, status: 'CREATE_COMPLETE' });
    expect(JSON.stringify(snapshot.stack.outputs)).toContain('jenkins-on-aws/v1');
    expect(snapshot.controller?.clusterName).toBeTruthy();
    expect(snapshot.controller?.desired).toBe(1);
    expect(snapshot.agents.cap).toBe(10);
    expect(snapshot.verdict.level).toBeTruthy();
  });

  it('writes one structured log line per request, naming the person', () => {
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const stackReads = lines.filter(
      (line) => line.msg === 'request' && line.path === `/api/stacks/${STACK}`,
    );
    expect(stackReads).toHaveLength(1);
    expect(stackReads[0]).toMatchObject({ method: 'GET', status: 200, userId: 'local:ops' });
    expect(server.output()).not.toContain(SESSION_SECRET);
    expect(server.output()).not.toContain(PASSWORD);
  });
});

function without(settings: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(settings).filter(([name]) => !names.includes(name)));
}

describe('a wrong setting at start', () => {
  async function startAndExit(
    settings: (publicUrl: string) => Record<string, string>,
  ): Promise<{ code: number | null; output: string }> {
    const server = await startServer(settings);
    const code = await Promise.race([
      server.exited,
      new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 30_000)),
    ]);
    await server.stop();
    if (code === 'running') throw new Error(`The server kept running:\n${server.output()}`);
    return { code, output: server.output() };
  }

  it('stops the server when AWS_REGION is missing, naming it', async () => {
    const { code, output } = await startAndExit((url) =>
      without(documentedSettings(url), 'AWS_REGION', 'DASHBOARD_REGIONS'),
    );
    expect(code).not.toBe(0);
    expect(output).toContain('AWS_REGION is not set');
  }, 60_000);

  it('stops the server on a bad DASHBOARD_REGIONS, naming the bad entry', async () => {
    const { code, output } = await startAndExit((url) => ({
      ...documentedSettings(url),
      DASHBOARD_REGIONS: 'eu-west-1,moon-base-1',
    }));
    expect(code).not.toBe(0);
    expect(output).toContain('DASHBOARD_REGIONS holds "moon-base-1"');
  }, 60_000);

  it('stops the server when DASHBOARD_USERS_FILE cannot be read, naming it', async () => {
    const { code, output } = await startAndExit((url) => ({
      ...without(documentedSettings(url), 'DASHBOARD_USERS'),
      DASHBOARD_USERS_FILE: path.join(layout, 'no-such-users.json'),
    }));
    expect(code).not.toBe(0);
    expect(output).toContain('DASHBOARD_USERS_FILE cannot be read');
  }, 60_000);
});
