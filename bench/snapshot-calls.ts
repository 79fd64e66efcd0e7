import type { AwsClients } from '../lib/aws/clients';
import type { StatusService } from '../lib/status/service';
import { count, type Figure } from './figure';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process';
import {
  elapsedSince,
  launchSettledStack,
  median,
  sandboxClients,
  uncachedStatus,
} from './sandbox-stack';

const STACK = 'bench-pool';
const POOL_SIZES = [10, 1_000, 5_000] as const;
const ADDED_LATENCY_MS = 50;
const LATENCY_RUNS = 11;

/** The calls a snapshot cannot do without, per operation, for N tasks and M agents. */
function lowerBoundByOperation(tasks: number, agents: number): Record<string, number> {
  const taskBatches = Math.ceil(tasks / 100);
  return {
    DescribeStacks: 1,
    DescribeServices: 1,
    DescribeTargetHealth: 1,
    DescribeStackEvents: 1,
    ListTasks: taskBatches,
    DescribeTasks: taskBatches,
    DescribeInstances: Math.ceil(agents / 1_000),
  };
}

/** Operations called more often than the bound allows, as "DescribeInstances +1". */
function extraCalls(made: Record<string, number>, bound: Record<string, number>): string[] {
  const names = new Set([...Object.keys(made), ...Object.keys(bound)]);
  return [...names]
    .map((name) => ({ name, extra: (made[name] ?? 0) - (bound[name] ?? 0) }))
    .filter(({ extra }) => extra > 0)
    .map(({ name, extra }) => `${name} +${extra}`);
}

interface PoolContext {
  readonly sandbox: SandboxProcess;
  readonly clients: AwsClients;
  readonly status: StatusService;
}

/** One warm snapshot (resource map cached), counted from the sandbox's request log. */
async function callsFigure(context: PoolContext, agents: number): Promise<Figure> {
  const { sandbox, status, clients } = context;
  await status.snapshot(clients.region, STACK);
  await sandbox.control.clearRequests();
  const snapshot = await status.snapshot(clients.region, STACK);
  const { requests } = await sandbox.control.requests();

  const made: Record<string, number> = {};
  for (const request of requests) made[request.operation] = (made[request.operation] ?? 0) + 1;
  const tasks = snapshot.controller?.tasks.length ?? 0;
  const seen = snapshot.agents.agents.length;
  const bound = lowerBoundByOperation(tasks, seen);
  const boundTotal = Object.values(bound).reduce((sum, calls) => sum + calls, 0);
  const extra = extraCalls(made, bound);
  return {
    group: 'AWS calls per status snapshot (warm)',
    name: `M = ${count(agents)} agents`,
    value: requests.length / boundTotal,
    unit: '×',
    target: { atMost: 1 },
    detail:
      `${requests.length} calls, lower bound 4 + 2⌈${tasks}/100⌉ + ⌈${count(seen)}/1000⌉ = ` +
      `${boundTotal}` +
      (extra.length > 0 ? `; extra: ${extra.join(', ')}` : ''),
  };
}

async function timeOneSnapshot(context: PoolContext): Promise<{ ms: number; agents: number }> {
  const start = performance.now();
  const snapshot = await context.status.snapshot(context.clients.region, STACK);
  return { ms: elapsedSince(start), agents: snapshot.agents.agents.length };
}

/**
 * Snapshot time with 50 ms added to every AWS call, against the critical path: the longest
 * chain of calls that must wait for each other. DescribeStacks names the controller, then
 * ListTasks → DescribeTasks; the DescribeInstances pages each need the last one's token.
 * Runs alternate without and with the latency, so that a busy machine slows both alike; a
 * second figure holds only the time the latency added (the median of the pairs' differences)
 * to the critical path: that part is the call structure's, the rest is work on the bytes.
 */
async function latencyFigures(context: PoolContext, agents: number): Promise<Figure[]> {
  const { sandbox } = context;
  const without: number[] = [];
  const slowed: number[] = [];
  let seen = 0;
  try {
    for (let run = 0; run < LATENCY_RUNS; run += 1) {
      await sandbox.control.clearFaults();
      without.push((await timeOneSnapshot(context)).ms);
      await sandbox.control.setFaults([{ latencyMs: ADDED_LATENCY_MS }]);
      const timed = await timeOneSnapshot(context);
      slowed.push(timed.ms);
      seen = timed.agents;
    }
  } finally {
    await sandbox.control.clearFaults();
  }
  const pages = Math.max(1, Math.ceil(seen / 1_000));
  // DescribeStacks → ListTasks → DescribeTasks, or the DescribeInstances pages one after the
  // other: a warm snapshot sends the first page with DescribeStacks, by the tag it last saw.
  const chain = Math.max(3, pages);
  const criticalPath = chain * ADDED_LATENCY_MS;
  const path = `critical path ${chain} calls × ${ADDED_LATENCY_MS} ms = ${criticalPath} ms`;
  const range = (times: readonly number[]) =>
    `${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))}`;
  const added = median(slowed.map((ms, run) => ms - (without[run] ?? Number.NaN)));
  return [
    {
      group: 'Snapshot time with 50 ms added to every AWS call',
      name: `M = ${count(agents)} agents`,
      value: median(slowed) / criticalPath,
      unit: '×',
      target: { atMost: 1.2 },
      detail:
        `median ${Math.round(median(slowed))} ms of ${LATENCY_RUNS} (${range(slowed)}); ${path}; ` +
        `without added latency ${Math.round(median(without))} ms (${range(without)})`,
    },
    {
      group: 'Time the 50 ms latency adds to a snapshot',
      name: `M = ${count(agents)} agents`,
      value: added / criticalPath,
      unit: '×',
      target: { atMost: 1.2 },
      detail: `median of ${LATENCY_RUNS} paired differences ${Math.round(added)} ms against ${path}`,
    },
  ];
}

/**
 * AWS calls per snapshot and snapshot time under added latency, for pools of 10, 1,000 and
 * 5,000 agents: the stack's own plugin fills the first 10, the control API adds the rest.
 */
export async function measureSnapshotCalls(log: (line: string) => void): Promise<Figure[]> {
  const sandbox = await startSandboxProcess({ speed: 40, seed: 21 });
  try {
    const clients = sandboxClients(sandbox);
    log('  launching a stack for the pool benchmarks…');
    await launchSettledStack(clients, STACK, { agents: 10 });
    // The world barely needs to move now; real-time speed keeps the simulation's CPU low.
    await sandbox.control.setSpeed(1);
    const context = { sandbox, clients, status: uncachedStatus(clients) };

    const figures: Figure[] = [];
    let pool = 10;
    for (const agents of POOL_SIZES) {
      if (agents > pool) {
        await sandbox.control.addAgents({ stackName: STACK, count: agents - pool });
        pool = agents;
      }
      log(`  M = ${count(agents)}: counting calls and timing with ${ADDED_LATENCY_MS} ms latency…`);
      figures.push(await callsFigure(context, agents));
      figures.push(...(await latencyFigures(context, agents)));
    }
    return figures;
  } finally {
    await sandbox.close();
  }
}
