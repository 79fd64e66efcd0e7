import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AgentPoolPanel } from '@/components/agents/AgentPoolPanel';
import { NowContext } from '@/lib/client/now';
import { agent, manyAgents, pool } from '../fixtures';

const NOW = Date.parse('2024-05-01T12:00:00.000Z');

function render(node: ReactNode): string {
  return renderToString(<NowContext value={NOW}>{node}</NowContext>);
}

function rowCount(html: string): number {
  return html.match(/data-testid="agent-table-row"/g)?.length ?? 0;
}

function testIdText(html: string, testId: string): string | undefined {
  const match = new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html);
  return match?.[1];
}

describe('agent pool panel', () => {
  it('shows the counted agents, the cap and the headroom for end-to-end tests to read', () => {
    const agents = [
      ...manyAgents(6),
      agent({ instanceId: 'i-0ffffffffffffff01', state: 'pending', activity: 'unknown' }),
    ];

    const html = render(<AgentPoolPanel pool={pool(agents, 10)} />);

    expect(testIdText(html, 'agent-counted')).toBe('7');
    expect(testIdText(html, 'agent-cap')).toBe('10');
    expect(testIdText(html, 'agent-free')).toBe('3');
    expect(testIdText(html, 'agent-headroom')).toBe('7 of 10 used, 3 free');
    expect(html).toContain('data-testid="agent-count-running"');
    expect(html).toContain('data-testid="agent-count-pending"');
  });

  it('shows ages on the page clock', () => {
    const html = render(
      <AgentPoolPanel pool={pool([agent({ launchedAt: '2024-05-01T11:58:48.000Z' })])} />,
    );

    expect(html).toContain('1m 12s');
  });

  it('renders only the visible rows of 5,000 agents, first while the virtualiser loads, then with it', async () => {
    const panel = <AgentPoolPanel pool={pool(manyAgents(5_000), 5_000)} />;
    const loading = render(panel);

    expect(loading).not.toContain('data-virtualised');
    expect(rowCount(loading)).toBeGreaterThan(10);
    expect(rowCount(loading)).toBeLessThan(60);
    expect(loading).toContain('aria-rowcount="5001"');

    // The first render asked for the virtualiser's module; once it is in, it draws the rows.
    await import('@/components/table/VirtualRows');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const loaded = render(panel);

    expect(loaded).toContain('data-virtualised="true"');
    expect(rowCount(loaded)).toBeGreaterThan(10);
    expect(rowCount(loaded)).toBeLessThan(60);
  });

  it('renders every row of a pool small enough not to need virtualising', () => {
    const html = render(<AgentPoolPanel pool={pool(manyAgents(80), 100)} />);

    expect(rowCount(html)).toBe(80);
  });

  it('flags possibly orphaned agents and Jenkins nodes without an instance', () => {
    const agents = [agent({ possiblyOrphaned: true, nodeName: undefined })];
    const withMismatch = {
      ...pool(agents),
      nodesWithoutInstance: ['linux (i-0dead0000000000001)'],
    };

    const html = render(<AgentPoolPanel pool={withMismatch} />);

    expect(html).toContain('data-testid="agents-possibly-orphaned"');
    expect(html).toContain('possibly orphaned');
    expect(html).toContain('linux (i-0dead0000000000001)');
  });

  it('explains an empty pool instead of showing an empty table', () => {
    const html = render(<AgentPoolPanel pool={pool([], 10)} />);

    expect(html).toContain('No agent instances: Jenkins launches them when builds wait');
    expect(testIdText(html, 'agent-headroom')).toBe('0 of 10 used, 10 free');
  });
});
