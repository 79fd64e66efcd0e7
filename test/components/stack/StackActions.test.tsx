import { renderToStaticMarkup } from 'react-dom/server';
import { SWRConfig } from 'swr';
import { describe, expect, it } from 'vitest';
import { StackActions } from '@/components/stack/StackActions';
import { environmentKey } from '@/lib/client/keys';
import type { EnvironmentResponse } from '@/lib/stacks/views';
import { snapshot } from '../fixtures';

function render(
  role: EnvironmentResponse['user']['role'],
  agentsRunning: number,
  reapsAgents = true,
  stackNamePrefix?: string,
): string {
  const environment: EnvironmentResponse = {
    regions: ['eu-west-1'],
    sandbox: true,
    endpoint: undefined,
    stackNamePrefix,
    user: { name: 'Ada Admin', role },
  };
  return renderToStaticMarkup(
    <SWRConfig value={{ fallback: { [environmentKey()]: environment } }}>
      <StackActions
        stack={snapshot().stack}
        agentsRunning={agentsRunning}
        reapsAgents={reapsAgents}
        onChanged={() => {}}
      />
    </SWRConfig>,
  );
}

describe('stack actions', () => {
  it('tells the admin that deleting terminates the running agents and their builds', () => {
    const html = render('admin', 3);

    expect(html).toContain('data-testid="delete-stack"');
    expect(html).toContain('3 agent instances run');
    expect(html).toContain('then terminates them, with any build still running on them');
    expect(html).not.toContain('security group');
  });

  it('warns that a stack made before the agent reaper stops its deletion at the security group', () => {
    const html = render('admin', 1, false);

    expect(html).toContain('1 agent instance runs');
    expect(html).toContain('cannot delete the agents’ security group while they run');
    expect(html).toContain('Updating the stack to the current template adds the reaper');
  });

  it('says nothing of agents when none runs, and offers no deletion below admin', () => {
    expect(render('admin', 0)).not.toContain('delete-agents-warning');
    expect(render('operator', 3)).not.toContain('delete-stack');
  });

  it('offers no change to a stack outside the dashboard’s stack-name prefix, and says why', () => {
    expect(render('admin', 3, true, 'c')).toContain('data-testid="delete-stack"');
    const html = render('admin', 3, true, 'jenkins-');

    expect(html).toContain('data-testid="stack-unmanaged"');
    expect(html).toContain('ci can be watched here, not changed');
    expect(html).not.toContain('delete-stack');
    expect(html).not.toContain('update-stack-link');
  });

  it('offers to keep what stopped a failed deletion when the admin deletes again', () => {
    const stack = { ...snapshot().stack, status: 'DELETE_FAILED' };
    const environment: EnvironmentResponse = {
      regions: ['eu-west-1'],
      sandbox: true,
      endpoint: undefined,
      stackNamePrefix: undefined,
      user: { name: 'Ada Admin', role: 'admin' },
    };
    const html = renderToStaticMarkup(
      <SWRConfig
        value={{
          fallback: {
            [environmentKey()]: environment,
            '/api/stacks/ci/delete?region=eu-west-1': { retainable: ['AgentReaper'] },
          },
        }}
      >
        <StackActions stack={stack} agentsRunning={0} reapsAgents onChanged={() => {}} />
      </SWRConfig>,
    );

    expect(html).toContain('data-testid="delete-retain"');
    expect(html).toContain('Keep AgentReaper');
    expect(html).toContain('data-testid="delete-stack"');
  });
});
