import { renderToStaticMarkup } from 'react-dom/server';
import { SWRConfig } from 'swr';
import { describe, expect, it } from 'vitest';
import { StackActions } from '@/components/stack/StackActions';
import { environmentKey } from '@/lib/client/keys';
import type { EnvironmentResponse } from '@/lib/stacks/views';
import { snapshot } from '../fixtures';

function render(role: EnvironmentResponse['user']['role'], agentsRunning: number): string {
  const environment: EnvironmentResponse = {
    regions: ['eu-west-1'],
    sandbox: true,
    endpoint: undefined,
    stackNamePrefix: undefined,
    user: { name: 'Ada Admin', role },
  };
  return renderToStaticMarkup(
    <SWRConfig value={{ fallback: { [environmentKey()]: environment } }}>
      <StackActions stack={snapshot().stack} agentsRunning={agentsRunning} onChanged={() => {}} />
    </SWRConfig>,
  );
}

describe('stack actions', () => {
  it('warns the admin that running agents stop a deletion at their security group', () => {
    const html = render('admin', 3);

    expect(html).toContain('data-testid="delete-stack"');
    expect(html).toContain('3 agent instances run');
    expect(html).toContain('cannot delete their security group while they run');
  });

  it('says nothing of agents when none runs, and offers no deletion below admin', () => {
    expect(render('admin', 0)).not.toContain('delete-agents-warning');
    expect(render('operator', 3)).not.toContain('delete-stack');
  });
});
