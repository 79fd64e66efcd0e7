import type { AgentPoolView, AgentView, StackSnapshot, TimelineEntry } from '@/lib/status/types';

/** A running, busy agent counted against the cap; override what a test is about. */
export function agent(overrides: Partial<AgentView> = {}): AgentView {
  return {
    instanceId: 'i-0aaaaaaaaaaaaaaa1',
    state: 'running',
    instanceType: 't3.large',
    availabilityZone: 'eu-west-1a',
    launchedAt: '2024-05-01T10:00:00.000Z',
    privateIp: '10.0.1.10',
    nodeName: 'linux (i-0aaaaaaaaaaaaaaa1)',
    activity: 'busy',
    countsAgainstCap: true,
    possiblyOrphaned: false,
    ...overrides,
  };
}

/** A pool built from agents the way the server counts them. */
export function pool(agents: AgentView[], cap: number | undefined = 10): AgentPoolView {
  const byState: Record<string, number> = {};
  for (const each of agents) byState[each.state] = (byState[each.state] ?? 0) + 1;
  const counted = agents.filter((each) => each.countsAgainstCap).length;
  return {
    cap,
    warm: 0,
    idleMinutes: 30,
    instanceType: 't3.large',
    counted,
    headroom: cap === undefined ? undefined : Math.max(0, cap - counted),
    byState,
    agents,
    nodesWithoutInstance: [],
  };
}

/** `count` agents with distinct ids, IPs, AZs and launch times (one minute apart). */
export function manyAgents(count: number): AgentView[] {
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  return Array.from({ length: count }, (_, index) => {
    const hex = index.toString(16).padStart(17, '0');
    return agent({
      instanceId: `i-${hex}`,
      availabilityZone: zones[index % 3],
      privateIp: `10.0.${Math.floor(index / 250)}.${index % 250}`,
      launchedAt: new Date(Date.UTC(2024, 4, 1, 10, 0) + index * 60_000).toISOString(),
      nodeName: `linux (i-${hex})`,
      activity: index % 2 === 0 ? 'busy' : 'idle',
    });
  });
}

export function timelineEntry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: 'stack:1',
    at: '2024-05-01T10:00:00.000Z',
    source: 'stack',
    failure: false,
    title: 'ControllerService CREATE_COMPLETE',
    detail: undefined,
    ...overrides,
  };
}

/** A settled, healthy stack's snapshot. */
export function snapshot(overrides: Partial<StackSnapshot> = {}): StackSnapshot {
  return {
    stack: {
      name: 'ci',
      id: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/ci/1',
      region: 'eu-west-1',
      status: 'CREATE_COMPLETE',
      statusReason: undefined,
      createdAt: '2024-05-01T09:00:00.000Z',
      updatedAt: undefined,
      parameters: [
        { key: 'AgentInstanceCap', value: '10', resolvedValue: undefined, noEcho: false },
        { key: 'JenkinsAdminPassword', value: '****', resolvedValue: undefined, noEcho: true },
      ],
      outputs: [{ key: 'JenkinsUrl', value: 'http://ci.example', description: undefined }],
      jenkinsUrl: 'http://ci.example',
      terminationProtection: false,
    },
    controller: undefined,
    jenkins: undefined,
    agents: pool([agent()]),
    timeline: [],
    poolHistory: [],
    agentStartTimes: undefined,
    reapsAgentsOnDelete: true,
    verdict: {
      level: 'Healthy',
      layer: undefined,
      summary: 'Jenkins is serving.',
      cause: undefined,
    },
    fetchedAt: '2024-05-01T12:00:00.000Z',
    stale: undefined,
    pollAfterMs: 15_000,
    refreshInMs: 15_000,
    ...overrides,
  };
}
