import type { AgentPoolView, AgentStartTimes, PoolSample } from './types';

const HOUR_MS = 60 * 60_000;
const START_SAMPLES = 50;

/**
 * What the dashboard remembers about the agent pool between snapshots: samples for the chart of
 * the last hour, and when each agent was first seen online, to measure launch-to-online time.
 * AWS keeps neither; this memory lives per process and starts empty after a restart.
 */
export interface PoolMemory {
  samples: PoolSample[];
  onlineSeen: Map<string, number>;
  /** When each agent was last seen not yet online (pending, booting, no node yet). */
  notOnlineSeen: Map<string, number>;
  startSeconds: number[];
}

/**
 * An agent's coming online is measured only when it was seen not online at most this long
 * before, so the figure is off by at most one poll, never by the time nobody was looking.
 */
const MEASURE_WITHIN_MS = 30_000;

export function newPoolMemory(): PoolMemory {
  return { samples: [], onlineSeen: new Map(), notOnlineSeen: new Map(), startSeconds: [] };
}

/** Records one snapshot's pool and returns the last hour of samples, oldest first. */
export function recordPoolSample(
  memory: PoolMemory,
  sample: PoolSample,
  now: number,
): readonly PoolSample[] {
  memory.samples.push(sample);
  const cutoff = now - HOUR_MS;
  while (memory.samples.length > 0 && Date.parse(memory.samples[0]?.at ?? '') < cutoff) {
    memory.samples.shift();
  }
  return [...memory.samples];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Notes agents whose Jenkins node is online for the first time and returns the launch-to-online
 * times seen so far. Only agents this dashboard saw not yet online shortly before count: one
 * that came online while nobody looked (or before a restart) is not measured, since when it
 * happened is not known.
 */
export function recordAgentStarts(
  memory: PoolMemory,
  pool: AgentPoolView,
  now: number,
): AgentStartTimes | undefined {
  for (const agent of pool.agents) {
    const online = agent.activity === 'busy' || agent.activity === 'idle';
    if (!online) {
      if (agent.state === 'pending' || agent.state === 'running') {
        memory.notOnlineSeen.set(agent.instanceId, now);
      }
      continue;
    }
    if (memory.onlineSeen.has(agent.instanceId)) continue;
    memory.onlineSeen.set(agent.instanceId, now);
    const lastNotOnline = memory.notOnlineSeen.get(agent.instanceId);
    const launched = agent.launchedAt === undefined ? Number.NaN : Date.parse(agent.launchedAt);
    if (
      lastNotOnline !== undefined &&
      now - lastNotOnline <= MEASURE_WITHIN_MS &&
      Number.isFinite(launched) &&
      now >= launched
    ) {
      memory.startSeconds.push((now - launched) / 1000);
      if (memory.startSeconds.length > START_SAMPLES) memory.startSeconds.shift();
    }
  }
  const present = new Set(pool.agents.map((agent) => agent.instanceId));
  for (const seen of [memory.onlineSeen, memory.notOnlineSeen]) {
    for (const id of seen.keys()) if (!present.has(id)) seen.delete(id);
  }
  if (memory.startSeconds.length === 0) return undefined;
  return {
    samples: memory.startSeconds.length,
    medianSeconds: median(memory.startSeconds),
    latestSeconds: memory.startSeconds.at(-1) ?? 0,
  };
}
