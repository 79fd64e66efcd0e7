import { describe, expect, it } from 'vitest';
import {
  filterAgents,
  isFlagged,
  NO_AGENT_FILTER,
  stateCounts,
} from '@/components/agents/agent-filter';
import { agent, pool } from '../fixtures';

const busyA = agent({
  instanceId: 'i-0000000000000000a',
  availabilityZone: 'eu-west-1a',
  activity: 'busy',
});
const idleB = agent({
  instanceId: 'i-0000000000000000b',
  availabilityZone: 'eu-west-1b',
  activity: 'idle',
  privateIp: '10.0.2.7',
});
const pendingA = agent({
  instanceId: 'i-0000000000000000c',
  state: 'pending',
  activity: 'unknown',
  nodeName: undefined,
  privateIp: undefined,
});
const orphan = agent({
  instanceId: 'i-0000000000000000d',
  possiblyOrphaned: true,
  nodeName: undefined,
});
const agents = [busyA, idleB, pendingA, orphan];
const ids = (list: { instanceId: string }[]) => list.map((each) => each.instanceId.slice(-1));

describe('filterAgents', () => {
  it('keeps every agent, in order, with no filter', () => {
    expect(ids(filterAgents(agents, NO_AGENT_FILTER))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('matches text in any field, case-insensitively', () => {
    expect(ids(filterAgents(agents, { ...NO_AGENT_FILTER, text: '10.0.2.7' }))).toEqual(['b']);
    expect(ids(filterAgents(agents, { ...NO_AGENT_FILTER, text: 'EU-WEST-1B' }))).toEqual(['b']);
  });

  it('needs every word of the text to match somewhere', () => {
    expect(ids(filterAgents(agents, { ...NO_AGENT_FILTER, text: 'busy 1a' }))).toEqual(['a', 'd']);
    expect(ids(filterAgents(agents, { ...NO_AGENT_FILTER, text: 'idle 1a' }))).toEqual([]);
  });

  it('narrows to one state', () => {
    expect(ids(filterAgents(agents, { ...NO_AGENT_FILTER, state: 'pending' }))).toEqual(['c']);
  });

  it('narrows to flagged agents, and finds them by the word orphaned', () => {
    expect(ids(filterAgents(agents, { ...NO_AGENT_FILTER, flaggedOnly: true }))).toEqual(['d']);
    expect(ids(filterAgents(agents, { ...NO_AGENT_FILTER, text: 'orphaned' }))).toEqual(['d']);
  });
});

describe('isFlagged', () => {
  it('flags a live agent the plugin would not count, but not a terminated one', () => {
    expect(isFlagged(agent({ countsAgainstCap: false, state: 'running' }))).toBe(true);
    expect(isFlagged(agent({ countsAgainstCap: false, state: 'terminated' }))).toBe(false);
  });
});

describe('stateCounts', () => {
  it('lists states in lifecycle order with unknown states last', () => {
    const mixed = pool([
      agent({ state: 'terminated' }),
      agent({ state: 'running' }),
      agent({ state: 'weird' }),
      agent({ state: 'pending' }),
      agent({ state: 'running' }),
    ]);

    expect(stateCounts(mixed)).toEqual([
      { state: 'pending', count: 1 },
      { state: 'running', count: 2 },
      { state: 'terminated', count: 1 },
      { state: 'weird', count: 1 },
    ]);
  });
});
