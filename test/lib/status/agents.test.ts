import { describe, expect, it } from 'vitest';
import {
  agentPool,
  countsAgainstCap,
  instanceIdOfNode,
  type AgentInstance,
} from '@/lib/status/agents';

const NOW = Date.parse('2026-12-03T12:00:00.000Z');

function instance(id: string, state: string, tags: Record<string, string> = {}): AgentInstance {
  return {
    instanceId: id,
    state,
    instanceType: 't3.large',
    availabilityZone: 'eu-west-1a',
    launchedAt: '2026-12-03T11:00:00.000Z',
    privateIp: '10.0.1.10',
    tags: {
      jenkins_server_url: 'https://jenkins.example.internal/',
      jenkins_cloud_name: 'jenkins-ctl-ec2',
      ...tags,
    },
  };
}

const limits = { cap: 4, warm: 0, idleMinutes: 30, instanceType: 't3.large' };

describe('agent pool', () => {
  it('counts pending, running and stopping against the cap but not terminated ones', () => {
    expect(countsAgainstCap(instance('i-00000001', 'pending'), 'jenkins-ctl-ec2')).toBe(true);
    expect(countsAgainstCap(instance('i-00000002', 'stopping'), 'jenkins-ctl-ec2')).toBe(true);
    expect(countsAgainstCap(instance('i-00000003', 'terminated'), 'jenkins-ctl-ec2')).toBe(false);
    expect(countsAgainstCap(instance('i-00000004', 'shutting-down'), 'jenkins-ctl-ec2')).toBe(
      false,
    );
  });

  it("does not count another controller's agents (C27)", () => {
    const other = instance('i-0othr003', 'running', { jenkins_cloud_name: 'another-cloud' });
    expect(countsAgainstCap(other, 'jenkins-ctl-ec2')).toBe(false);
  });

  it('reads the instance id from a Jenkins node name', () => {
    expect(instanceIdOfNode('linux (i-0abc1234def567890)')).toBe('i-0abc1234def567890');
    expect(instanceIdOfNode('Built-In Node')).toBeUndefined();
  });

  it('shows headroom against the cap, never below zero, with more agents than the cap', () => {
    const instances = ['01', '02', '03', '04', '05'].map((n) =>
      instance(`i-000000${n}`, 'running'),
    );
    const pool = agentPool({
      instances,
      nodes: undefined,
      limits,
      cloudName: 'jenkins-ctl-ec2',
      now: NOW,
    });
    expect(pool).toMatchObject({ counted: 5, headroom: 0, byState: { running: 5 } });
  });

  it('flags a stale heartbeat as possibly orphaned but still counts it (C27)', () => {
    const stale = instance('i-0orph001', 'running', {
      jenkins_node_last_refresh: String(NOW - 5 * 60 * 60_000),
    });
    const live = instance('i-0live002', 'running', {
      jenkins_node_last_refresh: String(NOW - 2 * 60_000),
    });
    const pool = agentPool({
      instances: [stale, live],
      nodes: undefined,
      limits,
      cloudName: 'jenkins-ctl-ec2',
      now: NOW,
    });
    expect(
      pool.agents.map((agent) => [
        agent.instanceId,
        agent.possiblyOrphaned,
        agent.countsAgainstCap,
      ]),
    ).toEqual([
      ['i-0orph001', true, true],
      ['i-0live002', false, true],
    ]);
  });

  it('flags running agents without a Jenkins node and nodes without an instance', () => {
    const pool = agentPool({
      instances: [instance('i-00000011', 'running'), instance('i-00000012', 'running')],
      nodes: [
        { name: 'linux (i-00000011)', offline: false, idle: false, instanceId: 'i-00000011' },
        { name: 'linux (i-00000099)', offline: true, idle: true, instanceId: 'i-00000099' },
      ],
      limits,
      cloudName: 'jenkins-ctl-ec2',
      now: NOW,
    });
    expect(
      pool.agents.map((agent) => [agent.instanceId, agent.activity, agent.possiblyOrphaned]),
    ).toEqual([
      ['i-00000011', 'busy', false],
      ['i-00000012', 'unknown', true],
    ]);
    expect(pool.nodesWithoutInstance).toEqual(['linux (i-00000099)']);
  });

  it('does not call agents orphaned when Jenkins could not be read', () => {
    const pool = agentPool({
      instances: [instance('i-00000021', 'running')],
      nodes: undefined,
      limits,
      cloudName: 'jenkins-ctl-ec2',
      now: NOW,
    });
    expect(pool.agents[0]?.possiblyOrphaned).toBe(false);
  });
});
