import { describe, expect, it } from 'vitest';
import { newPoolMemory, recordAgentStarts, recordPoolSample } from '@/lib/status/pool-history';
import type { AgentPoolView, AgentView } from '@/lib/status/types';

const T0 = Date.parse('2026-12-03T12:00:00.000Z');

function pool(agents: Partial<AgentView>[]): AgentPoolView {
  return {
    cap: 10,
    warm: 0,
    idleMinutes: 30,
    instanceType: 't3.large',
    counted: agents.length,
    headroom: 10 - agents.length,
    byState: {},
    nodesWithoutInstance: [],
    agents: agents.map((agent) => ({
      instanceId: 'i-00000001',
      state: 'running',
      instanceType: 't3.large',
      availabilityZone: 'eu-west-1a',
      launchedAt: new Date(T0).toISOString(),
      privateIp: undefined,
      nodeName: undefined,
      activity: 'unknown',
      countsAgainstCap: true,
      possiblyOrphaned: false,
      ...agent,
    })),
  };
}

describe('pool history', () => {
  it('keeps the last hour of samples, oldest first', () => {
    const memory = newPoolMemory();
    recordPoolSample(memory, { at: new Date(T0).toISOString(), pool: 1, cap: 10, queue: 3 }, T0);
    recordPoolSample(
      memory,
      { at: new Date(T0 + 30 * 60_000).toISOString(), pool: 4, cap: 10, queue: 0 },
      T0 + 30 * 60_000,
    );
    const samples = recordPoolSample(
      memory,
      { at: new Date(T0 + 61 * 60_000).toISOString(), pool: 5, cap: 12, queue: 1 },
      T0 + 61 * 60_000,
    );
    expect(samples.map((sample) => sample.pool)).toEqual([4, 5]);
  });

  it('measures launch to online once per agent seen booting just before', () => {
    const memory = newPoolMemory();
    const booting = pool([{ instanceId: 'i-0new', activity: 'unknown' }]);
    const online = pool([{ instanceId: 'i-0new', activity: 'busy' }]);
    recordAgentStarts(memory, booting, T0 + 75_000);
    const times = recordAgentStarts(memory, online, T0 + 90_000);
    expect(times).toEqual({ samples: 1, medianSeconds: 90, latestSeconds: 90 });
    expect(recordAgentStarts(memory, online, T0 + 120_000)?.samples).toBe(1);
  });

  it('does not measure agents that came online while nobody looked', () => {
    const memory = newPoolMemory();
    const alreadyOnline = pool([{ instanceId: 'i-0old', activity: 'idle' }]);
    expect(recordAgentStarts(memory, alreadyOnline, T0 + 10_000)).toBeUndefined();
    recordAgentStarts(memory, pool([{ instanceId: 'i-0gap', activity: 'unknown' }]), T0 + 20_000);
    // Nine minutes without a snapshot: when it came online is not known closely enough.
    const late = pool([{ instanceId: 'i-0gap', activity: 'busy' }]);
    expect(recordAgentStarts(memory, late, T0 + 560_000)).toBeUndefined();
  });
});
