import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureLogLines, withAuthEnvironment } from '@/test/support/auth';
import { startTestSandbox, type TestSandbox } from '@/test/support/sandbox';
import { callRoute, lastRequestSeq, required, routesUseSandbox } from './support';

let env: TestSandbox | undefined;
withAuthEnvironment();
captureLogLines();
routesUseSandbox(() => env);
// The dashboard reads its configuration once: the prefix is set before any route runs.
beforeEach(() => {
  vi.stubEnv('DASHBOARD_STACK_NAME_PREFIX', 'jenkins-');
});

const sandbox = (): TestSandbox => required(env);

describe('faults › a dashboard whose IAM role manages only jenkins-… stacks', () => {
  beforeAll(async () => {
    env = await startTestSandbox({ speed: 40, seed: 56 });
  });
  afterAll(() => env?.close());

  it('refuses a launch outside the role’s stack-name prefix before asking AWS, when the dashboard knows the prefix', async () => {
    const since = await lastRequestSeq(sandbox());
    const { POST } = await import('@/app/api/launch/route');
    const answer = await callRoute(POST, '/api/launch', {
      method: 'POST',
      role: 'operator',
      body: JSON.stringify({
        stackName: 'ci-prod',
        attemptId: 'prefixlaunch01',
        values: {},
        capabilities: ['CAPABILITY_IAM'],
      }),
    });

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('bad_request:validation');
    expect(answer.body.details?.fields).toEqual({
      stackName:
        'This dashboard’s IAM role may change only stacks whose names start with jenkins-; name it jenkins-… (for example jenkins-ci).',
    });
    const { requests } = await sandbox().sandbox.control.requests(since);
    expect(requests).toEqual([]);
  });

  it('tells the launch form the prefix', async () => {
    const { GET } = await import('@/app/api/environment/route');
    const answer = await callRoute(GET, '/api/environment', { role: 'viewer' });

    expect(answer.status).toBe(200);
    expect(answer.body.stackNamePrefix).toBe('jenkins-');
  });
});
