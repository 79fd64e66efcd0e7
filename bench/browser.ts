import { SNAPSHOT_REUSE_MS } from '../lib/status/cache';
import { measureAgentTable } from './agent-table';
import { startSignedInDashboard } from './dashboard';
import type { Figure } from './figure';
import { measurePageLoads } from './page-load';
import { startSandboxProcess } from './sandbox-process';
import { launchSettledStack, sandboxClients } from './sandbox-stack';

const STACK = 'bench-browser';
const POOL = 5_000;

/**
 * The production build in headless Chromium against a sandbox: LCP and first-load JavaScript
 * of the overview, the launch wizard and a stack page (10 agents), then the stack page's agent
 * table once the pool holds 5,000 agents.
 */
export async function measureBrowser(log: (line: string) => void): Promise<Figure[]> {
  const sandbox = await startSandboxProcess({ speed: 40, seed: 61 });
  try {
    const clients = sandboxClients(sandbox);
    log('  launching a stack…');
    await launchSettledStack(clients, STACK, { agents: 10 });
    await sandbox.control.setSpeed(1);
    log('  starting the production build (building it first if stale)…');
    const dashboard = await startSignedInDashboard(sandbox.url, log);
    try {
      log('  loading /, /launch and the stack page…');
      const figures = await measurePageLoads(dashboard, [
        { name: '/', path: '/', ready: '[data-testid="overview-stacks"]' },
        { name: '/launch', path: '/launch', ready: '[data-testid="launch-form"]' },
        {
          name: '/stacks/<name>',
          path: `/stacks/${STACK}`,
          ready: '[data-testid="agent-table"] [data-row-key]',
        },
      ]);
      log(`  growing the pool to ${POOL.toLocaleString('en-GB')} agents and timing the table…`);
      await sandbox.control.addAgents({ stackName: STACK, count: POOL - 10 });
      // Past the server's reuse window, so the page's first snapshot already holds the pool.
      await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_REUSE_MS + 500));
      figures.push(
        ...(await measureAgentTable(dashboard, `/stacks/${STACK}`, `/api/stacks/${STACK}`, POOL)),
      );
      return figures;
    } finally {
      await dashboard.close();
    }
  } finally {
    await sandbox.close();
  }
}
