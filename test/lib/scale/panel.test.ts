import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scalePanel } from '@/lib/scale/panel';
import { launchStack, startTestSandbox, type TestSandbox } from '../../support/sandbox';

describe('scale panel against the sandbox', () => {
  let env: TestSandbox;

  beforeAll(async () => {
    env = await startTestSandbox({ speed: 40, seed: 5 });
    expect(await launchStack(env.clients, 'jenkins-panel')).toBe('CREATE_COMPLETE');
  });

  afterAll(() => env.close());

  it('shows the deployed values with their constraints', async () => {
    const panel = await scalePanel(env.clients, 'jenkins-panel');
    expect(panel.values).toMatchObject({
      AgentInstanceCap: '10',
      WarmAgents: '0',
      ControllerEnabled: 'true',
    });
    expect(panel.parameters.find((p) => p.key === 'AgentInstanceCap')?.constraints).toMatchObject({
      minValue: 1,
      maxValue: 200,
    });
    expect(panel.history).toEqual([]);
  });

  it('costs one DescribeStacks per poll while the stack is unchanged', async () => {
    await scalePanel(env.clients, 'jenkins-panel');
    await env.sandbox.control.clearRequests();
    await scalePanel(env.clients, 'jenkins-panel');
    const { requests } = await env.sandbox.control.requests();
    expect(requests.map((request) => request.operation)).toEqual(['DescribeStacks']);
  });
});
