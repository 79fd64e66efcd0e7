import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeStack } from '@/lib/aws/cloudformation';
import { deployedScaleValues } from '@/lib/scale/apply';
import { captureLogLines, withAuthEnvironment } from '@/test/support/auth';
import {
  launchStack,
  launchValues,
  startTestSandbox,
  type TestSandbox,
} from '@/test/support/sandbox';
import {
  callRoute,
  lastRequestSeq,
  MUTATING_OPERATION,
  required,
  routesUseSandbox,
} from './support';

const STACK = 'jenkins-iam';

let env: TestSandbox | undefined;
withAuthEnvironment();
captureLogLines();
routesUseSandbox(() => env);

const sandbox = (): TestSandbox => required(env);

/** Mutating AWS calls the sandbox carried out (answered 2xx) since `since`. */
async function mutationsCarriedOut(since: number): Promise<string[]> {
  const { requests } = await sandbox().sandbox.control.requests(since);
  return requests
    .filter((request) => MUTATING_OPERATION.test(request.operation) && request.status < 400)
    .map((request) => request.operation);
}

describe('faults › AWS refuses the dashboard’s calls (IAM, credentials)', () => {
  beforeAll(async () => {
    env = await startTestSandbox({ speed: 40, seed: 55 });
    expect(await launchStack(env.clients, STACK)).toBe('CREATE_COMPLETE');
  });
  afterEach(() => sandbox().sandbox.control.clearFaults());
  afterAll(() => env?.close());

  it('answers a launch the role may not make with the denied action and what to do, and creates nothing', async () => {
    const since = await lastRequestSeq(sandbox());
    await sandbox().sandbox.control.setFaults([{ operation: 'CreateChangeSet', deny: 'access' }]);
    const { POST } = await import('@/app/api/launch/route');
    const answer = await callRoute(POST, '/api/launch', {
      method: 'POST',
      role: 'operator',
      body: JSON.stringify({
        stackName: 'ci-prod',
        attemptId: 'iamlaunch01',
        values: await launchValues(sandbox().clients),
        capabilities: ['CAPABILITY_IAM'],
      }),
    });

    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('forbidden:aws_permission');
    // AWS names the stack the policy was checked against, and the answer points at the prefix.
    expect(answer.body.message).toMatch(
      /^AWS denied cloudformation:CreateChangeSet on arn:aws:cloudformation:eu-west-1:\d{12}:stack\/ci-prod\/\*: the dashboard’s IAM role does not allow it\. The shipped policy \(deploy\/iam\/dashboard-policy\.json\) changes only stacks whose names start with its StackNamePrefix/,
    );
    expect(answer.body.details).toMatchObject({
      action: 'cloudformation:CreateChangeSet',
      resource: expect.stringMatching(/:stack\/ci-prod\/\*$/),
    });
    expect(await mutationsCarriedOut(since)).toEqual([]);
    expect(await describeStack(sandbox().clients, 'ci-prod')).toBeUndefined();
  });

  it('answers a scale edit the role may not make the same way, and leaves the stack as it was', async () => {
    const before = deployedScaleValues((await describeStack(sandbox().clients, STACK))!);
    const since = await lastRequestSeq(sandbox());
    await sandbox().sandbox.control.setFaults([
      { service: 'cloudformation', operation: 'CreateChangeSet', deny: 'access' },
    ]);
    const { POST } = await import('@/app/api/stacks/[name]/scale/route');
    const answer = await callRoute(POST, `/api/stacks/${STACK}/scale`, {
      method: 'POST',
      role: 'operator',
      params: { name: STACK },
      body: JSON.stringify({
        attemptId: 'iamscale01',
        changes: { AgentInstanceCap: '12' },
        expected: { AgentInstanceCap: before.AgentInstanceCap },
      }),
    });

    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('forbidden:aws_permission');
    expect(answer.body.message).toContain(
      `AWS denied cloudformation:CreateChangeSet on arn:aws:cloudformation:eu-west-1:`,
    );
    expect(answer.body.message).toContain(`:stack/${STACK}/*`);
    expect(await mutationsCarriedOut(since)).toEqual([]);
    expect(deployedScaleValues((await describeStack(sandbox().clients, STACK))!)).toEqual(before);
  });

  it('says which read the role lacks when the stack page cannot be built', async () => {
    await sandbox().sandbox.control.setFaults([
      { service: 'ecs', operation: 'DescribeServices', deny: 'access' },
    ]);
    const { GET } = await import('@/app/api/stacks/[name]/route');
    const answer = await callRoute(GET, `/api/stacks/${STACK}`, {
      role: 'viewer',
      params: { name: STACK },
    });

    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('forbidden:aws_permission');
    expect(answer.body.message).toBe(
      'AWS denied ecs:DescribeServices: the dashboard’s IAM role does not allow it. Grant it in the role’s policy; deploy/iam/dashboard-policy.json lists every call the dashboard makes.',
    );
  });

  it('names refused credentials on the overview, per region, instead of failing the page', async () => {
    await sandbox().sandbox.control.setFaults([{ service: 'cloudformation', deny: 'credentials' }]);
    const { GET } = await import('@/app/api/stacks/route');
    const answer = await callRoute(GET, '/api/stacks', { role: 'viewer' });

    expect(answer.status).toBe(200);
    expect(answer.body.regionErrors).toEqual([
      {
        region: 'eu-west-1',
        message:
          'AWS did not accept the dashboard’s credentials (InvalidClientTokenId). Check the IAM role, AWS_PROFILE or AWS_ACCESS_KEY_ID the dashboard runs with.',
      },
    ]);
  });
});
