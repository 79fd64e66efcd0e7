import { createServer } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { hashPasswordSync } from '../lib/auth/passwords';
import {
  buildDashboard,
  startDashboard,
  type RunningDashboard,
} from '../scripts/lib/dashboard-process';
import { launchBrowser, signIn } from '../test/e2e/support/browser';
import { E2E_USERS } from '../test/e2e/support/users';

/** The production dashboard, pointed at a sandbox, and a browser signed in to it. */
export interface SignedInDashboard {
  readonly dashboard: RunningDashboard;
  readonly browser: Browser;
  /** A fresh browser context (cold cache) that carries the operator's session. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Builds the dashboard when `.next` is older than the sources, starts `next start` on a free
 * loopback port with only documented settings, launches headless Chromium and signs the
 * operator in through the real sign-in page once; every measured page then opens in a new
 * context carrying that session, so each route loads with a cold cache.
 */
export async function startSignedInDashboard(
  sandboxUrl: string,
  log: (line: string) => void,
): Promise<SignedInDashboard> {
  await buildDashboard(log);
  const port = await freePort();
  const operator = E2E_USERS.operator;
  const dashboard = await startDashboard({
    port,
    env: {
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL: sandboxUrl,
      AWS_ACCESS_KEY_ID: 'sandbox',
      AWS_SECRET_ACCESS_KEY: 'sandbox',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      DASHBOARD_USERS: JSON.stringify([
        {
          username: operator.username,
          name: operator.name,
          role: operator.role,
          passwordHash: hashPasswordSync(operator.password),
        },
      ]),
      DASHBOARD_SESSION_SECRET: 'bench-session-secret-that-is-long-enough-0123456789',
      DASHBOARD_PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
    },
  });
  const browser = await launchBrowser();
  try {
    const first = await browser.newContext();
    await signIn(await first.newPage(), dashboard.url, operator);
    const session = await first.storageState();
    await first.close();
    return {
      dashboard,
      browser,
      newContext: () =>
        browser.newContext({ storageState: session, viewport: { width: 1440, height: 900 } }),
      async close() {
        await browser.close();
        await dashboard.stop();
      },
    };
  } catch (error) {
    await browser.close();
    await dashboard.stop();
    throw error;
  }
}
