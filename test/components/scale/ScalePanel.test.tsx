import { renderToStaticMarkup } from 'react-dom/server';
import { SWRConfig } from 'swr';
import { describe, expect, it } from 'vitest';
import { ScalePanel } from '@/components/scale/ScalePanel';
import { scalePanelKey } from '@/components/scale/scale-api';
import { environmentKey } from '@/lib/client/keys';
import type { ScalePanelView } from '@/lib/scale/view';
import type { EnvironmentResponse } from '@/lib/stacks/views';
import type { StackSnapshot } from '@/lib/status/types';
import { DEPLOYED, scaleParameters } from './fixtures';

const view: ScalePanelView = {
  stackName: 'jenkins-ctl',
  region: 'eu-west-1',
  stackStatus: 'UPDATE_COMPLETE',
  values: DEPLOYED,
  parameters: scaleParameters(),
  history: [
    {
      requestToken: 'js-alice-k3f9x2abcd12-cap-5-10',
      user: 'alice',
      startedAt: '2024-05-01T10:12:00.000Z',
      finishedAt: '2024-05-01T10:13:00.000Z',
      changes: [{ key: 'AgentInstanceCap', from: '5', to: '10' }],
      outcome: 'succeeded',
      reason: undefined,
    },
  ],
};

// Only the parts of a snapshot the panel reads.
function snapshot(status: string): StackSnapshot {
  return {
    stack: { status },
    agents: { cap: 10, counted: 4 },
  } as unknown as StackSnapshot;
}

function render(status: string, stackNamePrefix?: string): string {
  const key = scalePanelKey('jenkins-ctl', 'eu-west-1') ?? '';
  const environment: Partial<EnvironmentResponse> = { stackNamePrefix };
  return renderToStaticMarkup(
    <SWRConfig value={{ fallback: { [key]: view, [environmentKey()]: environment } }}>
      <ScalePanel stackName="jenkins-ctl" region="eu-west-1" snapshot={snapshot(status)} />
    </SWRConfig>,
  );
}

describe('ScalePanel', () => {
  it('shows every scale limit of the template with its quick controls', () => {
    const html = render('UPDATE_COMPLETE');
    for (const testId of [
      'scale-AgentInstanceCap',
      'scale-AgentInstanceCap-decrease',
      'scale-AgentInstanceCap-increase',
      'scale-AgentInstanceCap-preset-20',
      'scale-WarmAgents',
      'scale-AgentIdleMinutes',
      'scale-AgentInstanceType',
      'scale-ControllerEnabled',
    ]) {
      expect(html).toContain(`data-testid="${testId}"`);
    }
    expect(html).toContain('aria-label="Increase Agent instance cap"');
  });

  it('keeps Apply off until something differs from the deployed values', () => {
    const html = render('UPDATE_COMPLETE');
    expect(html).toMatch(/<button[^>]*data-testid="scale-apply"[^>]*disabled=""/);
    expect(html).toContain('Nothing differs from the deployed values.');
  });

  it('keeps Apply off, and says why, on a stack outside the dashboard’s stack-name prefix', () => {
    expect(render('UPDATE_COMPLETE', 'jenkins-')).not.toContain('can be watched here');
    const html = render('UPDATE_COMPLETE', 'ci-');
    expect(html).toMatch(/<button[^>]*data-testid="scale-apply"[^>]*disabled=""/);
    expect(html).toContain(
      'may change only stacks named ci-…; jenkins-ctl can be watched here, not changed.',
    );
  });

  it('says why Apply is off while another operation runs (C16)', () => {
    expect(render('UPDATE_IN_PROGRESS')).toContain(
      'Another operation is running on this stack; wait for it to end.',
    );
  });

  it('lists the history with who and what changed', () => {
    const html = render('UPDATE_COMPLETE');
    expect(html).toContain('data-testid="scale-history-row"');
    expect(html).toContain('cap 5 → 10');
    expect(html).toContain('alice');
  });
});
