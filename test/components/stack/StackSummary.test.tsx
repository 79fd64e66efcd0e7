import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ParametersPanel } from '@/components/stack/ParametersPanel';
import { StackSummary } from '@/components/stack/StackSummary';
import { snapshot } from '../fixtures';

describe('stack summary', () => {
  it('links the Jenkins URL and shows the status', () => {
    const html = renderToString(<StackSummary stack={snapshot().stack} />);

    expect(html).toContain('data-testid="stack-status"');
    expect(html).toContain('CREATE_COMPLETE');
    expect(html).toMatch(/<a href="http:\/\/ci.example"[^>]*data-testid="jenkins-url"/);
  });

  it('says why edits are blocked after a failed first create', () => {
    const { stack } = snapshot();

    const html = renderToString(<StackSummary stack={{ ...stack, status: 'ROLLBACK_COMPLETE' }} />);

    expect(html).toContain('delete the stack and launch it again');
  });
});

describe('parameters panel', () => {
  it('shows NoEcho parameters as hidden and never their value', () => {
    const html = renderToString(<ParametersPanel parameters={snapshot().stack.parameters} />);

    expect(html).toContain('JenkinsAdminPassword');
    expect(html).toContain('hidden');
    expect(html).not.toContain('****');
  });
});
