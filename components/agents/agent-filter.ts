import type { AgentPoolView, AgentView } from '@/lib/status/types';

/** What the agent table is narrowed to: free text, one state ('' = all), flagged only. */
export interface AgentFilter {
  readonly text: string;
  readonly state: string;
  readonly flaggedOnly: boolean;
}

export const NO_AGENT_FILTER: AgentFilter = { text: '', state: '', flaggedOnly: false };

/** An agent the person should look at: maybe orphaned, or not counted though alive. */
export function isFlagged(agent: AgentView): boolean {
  return agent.possiblyOrphaned || (!agent.countsAgainstCap && isAlive(agent.state));
}

function isAlive(state: string): boolean {
  return state !== 'terminated' && state !== 'shutting-down';
}

function searchableText(agent: AgentView): string {
  return [
    agent.instanceId,
    agent.state,
    agent.instanceType,
    agent.availabilityZone,
    agent.privateIp,
    agent.nodeName,
    agent.activity,
    agent.possiblyOrphaned ? 'orphaned' : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' ')
    .toLowerCase();
}

/**
 * The agents that match the filter. Text matches instance id, state, type, AZ, private IP,
 * Jenkins node name and activity, case-insensitively; several words must all match, in any
 * field (`busy 1a` finds busy agents in eu-west-1a). Order is kept.
 */
export function filterAgents(agents: readonly AgentView[], filter: AgentFilter): AgentView[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return agents.filter((agent) => {
    if (filter.state !== '' && agent.state !== filter.state) return false;
    if (filter.flaggedOnly && !isFlagged(agent)) return false;
    if (words.length === 0) return true;
    const text = searchableText(agent);
    return words.every((word) => text.includes(word));
  });
}

/** EC2's instance lifecycle, so state counts read in the order instances move through it. */
const LIFECYCLE = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'];

/** The states present in the pool with their counts, in lifecycle order, unknown ones last. */
export function stateCounts(pool: AgentPoolView): { state: string; count: number }[] {
  const rank = (state: string) => {
    const index = LIFECYCLE.indexOf(state);
    return index === -1 ? LIFECYCLE.length : index;
  };
  return Object.entries(pool.byState)
    .map(([state, count]) => ({ state, count }))
    .sort((a, b) => rank(a.state) - rank(b.state) || a.state.localeCompare(b.state));
}
