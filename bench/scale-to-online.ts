import { setTimeout as sleep } from 'node:timers/promises';
import type { AwsClients } from '../lib/aws/clients';
import { applyScaleEdit } from '../lib/scale/apply';
import type { SandboxControlClient } from '../sandbox/control-client';
import type { Figure } from './figure';
import { startSandboxProcess } from './sandbox-process';
import { launchSettledStack, sandboxClients, uncachedStatus } from './sandbox-stack';

const SPEED = 20;
const GIVE_UP_SIMULATED_MS = 15 * 60_000;

interface Pool {
  readonly now: number;
  readonly online: number;
  readonly busy: number;
}

/** The controller's agents as its Jenkins sees them, at the sandbox's simulated time. */
async function poolOf(control: SandboxControlClient, stackName: string): Promise<Pool> {
  const [health, jenkins] = await Promise.all([control.health(), control.jenkins({ stackName })]);
  const now = Date.parse(health.simulatedTime);
  const nodes = Object.values(jenkins.agents);
  return {
    now,
    online: nodes.filter((node) => node.onlineAt <= now).length,
    busy: nodes.filter((node) => node.onlineAt <= now && node.busy).length,
  };
}

/** Simulated seconds from `start` until `reached` holds, and until the pool first grew. */
async function timeUntil(
  control: SandboxControlClient,
  stackName: string,
  start: number,
  reached: (pool: Pool) => boolean,
  before: Pool,
): Promise<{ allSeconds: number; firstSeconds: number | undefined }> {
  let first: number | undefined;
  for (;;) {
    const pool = await poolOf(control, stackName);
    if (first === undefined && (pool.online > before.online || pool.busy > before.busy))
      first = pool.now;
    if (reached(pool)) {
      return {
        allSeconds: Math.round((pool.now - start) / 1_000),
        firstSeconds: first === undefined ? undefined : Math.round((first - start) / 1_000),
      };
    }
    if (pool.now - start > GIVE_UP_SIMULATED_MS)
      throw new Error(`${stackName}: agents not online after 15 simulated minutes`);
    await sleep(50);
  }
}

/** Waits until the pool has `online` agents connected, so a measurement starts from rest. */
async function poolAtRest(
  control: SandboxControlClient,
  stackName: string,
  online: number,
): Promise<Pool> {
  for (;;) {
    const pool = await poolOf(control, stackName);
    if (pool.online === online) return pool;
    await sleep(50);
  }
}

async function raise(
  clients: AwsClients,
  stackName: string,
  changes: Record<string, string>,
  expected: Record<string, string>,
): Promise<void> {
  const outcome = await applyScaleEdit(
    clients,
    stackName,
    { attemptId: `bench${stackName.replace(/\W/g, '')}`, changes, expected, confirm: false },
    'Benchmark',
    async () => 0,
  );
  if (outcome.kind !== 'applied') throw new Error(`${stackName}: scale edit was ${outcome.kind}`);
}

/**
 * Simulated time from a cap raise to agents online: without warm agents (builds wait in the
 * queue, the raise lets the plugin launch for them), with warm agents raised together with
 * the cap, and, for contrast, from builds arriving to builds running when warm agents idle.
 */
export async function measureScaleToOnline(log: (line: string) => void): Promise<Figure[]> {
  const sandbox = await startSandboxProcess({ speed: SPEED, seed: 41 });
  const { control } = sandbox;
  try {
    const clients = sandboxClients(sandbox);
    log('  launching two stacks with a cap of 2 agents…');
    await Promise.all([
      launchSettledStack(clients, 'raise-cold', {
        agents: 2,
        overrides: { AgentInstanceCap: '2', WarmAgents: '0' },
        healthy: false,
      }),
      (async () => {
        await launchStackQuietly(clients, control);
      })(),
    ]);
    const figures: Figure[] = [];
    const group = 'Cap raise to agents online (simulated seconds)';

    log('  raising the cap 2 → 6 with builds waiting, no warm agents…');
    let before = await poolAtRest(control, 'raise-cold', 2);
    await raise(clients, 'raise-cold', { AgentInstanceCap: '6' }, { AgentInstanceCap: '2' });
    const cold = await timeUntil(
      control,
      'raise-cold',
      before.now,
      (pool) => pool.online >= 6,
      before,
    );
    figures.push({
      group,
      name: 'cap 2 → 6, no warm agents',
      value: cold.allSeconds,
      unit: 's',
      detail: `first new agent online after ${cold.firstSeconds ?? '?'} s; all 6 online after ${cold.allSeconds} s`,
    });

    log('  raising the cap and the warm agents 2 → 6 with an empty queue…');
    before = await poolAtRest(control, 'raise-warm', 2);
    await raise(
      clients,
      'raise-warm',
      { AgentInstanceCap: '6', WarmAgents: '6' },
      { AgentInstanceCap: '2', WarmAgents: '2' },
    );
    const warm = await timeUntil(
      control,
      'raise-warm',
      before.now,
      (pool) => pool.online >= 6,
      before,
    );
    figures.push({
      group,
      name: 'cap and warm agents 2 → 6',
      value: warm.allSeconds,
      unit: 's',
      detail: `first new agent online after ${warm.firstSeconds ?? '?'} s; all 6 online after ${warm.allSeconds} s`,
    });

    log('  8 builds arriving at 6 idle warm agents…');
    before = await poolAtRest(control, 'raise-warm', 6);
    await control.setBuildQueue({ stackName: 'raise-warm', length: 8 });
    const served = await timeUntil(
      control,
      'raise-warm',
      before.now,
      (pool) => pool.busy >= 4,
      before,
    );
    figures.push({
      group,
      name: 'builds arriving, 6 warm agents idle',
      value: served.allSeconds,
      unit: 's',
      detail: `8 builds on 4 agents after ${served.allSeconds} s (no launch needed)`,
    });

    const snapshot = await uncachedStatus(clients).snapshot(clients.region, 'raise-cold');
    const onlineNodes = snapshot.jenkins?.nodes?.filter((node) => !node.offline).length;
    log(
      `  snapshot of raise-cold: ${snapshot.agents.counted} agents counted, ${onlineNodes ?? '?'} nodes online`,
    );
    return figures;
  } finally {
    await sandbox.close();
  }
}

/** The warm stack: cap 2, 2 warm agents, nobody waiting for a build. */
async function launchStackQuietly(clients: AwsClients, control: SandboxControlClient) {
  const launching = launchSettledStack(clients, 'raise-warm', {
    agents: 2,
    overrides: { AgentInstanceCap: '2', WarmAgents: '2' },
    healthy: false,
  });
  // Empty the queue as soon as the controller exists, so only the warm count keeps agents.
  for (;;) {
    try {
      await control.setBuildQueue({ stackName: 'raise-warm', length: 0 });
      break;
    } catch {
      await sleep(200);
    }
  }
  await launching;
}
