import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStack, readLatestStackEvents } from '@/lib/aws/cloudformation';
import { deployedScaleValues } from '@/lib/scale/apply';
import { isInProgress } from '@/lib/stacks/status';
import { captureLogLines, withAuthEnvironment } from '@/test/support/auth';
import {
  eventually,
  launchStack,
  startTestSandbox,
  type TestSandbox,
} from '@/test/support/sandbox';
import { callRoute, lastRequestSeq, routesUseSandbox } from './support';

const STACK = 'jenkins-race';

let env: TestSandbox | undefined;
withAuthEnvironment();
captureLogLines();
routesUseSandbox(() => env);

function sandbox(): TestSandbox {
  if (env === undefined) throw new Error('sandbox not started');
  return env;
}

async function settledValues(): Promise<Record<string, string>> {
  return eventually(
    async () => {
      const stack = await describeStack(sandbox().clients, STACK);
      return stack !== undefined && !isInProgress(stack.StackStatus ?? '')
        ? deployedScaleValues(stack)
        : undefined;
    },
    60_000,
    'the stack to settle',
  );
}

async function updatesStarted(): Promise<number> {
  const events = await readLatestStackEvents(sandbox().clients, STACK);
  return events.filter(
    (event) => event.LogicalResourceId === STACK && event.ResourceStatus === 'UPDATE_IN_PROGRESS',
  ).length;
}

async function executions(since: number): Promise<number> {
  const { requests } = await sandbox().sandbox.control.requests(since);
  return requests.filter((request) => request.operation === 'ExecuteChangeSet').length;
}

async function postScale(body: unknown) {
  const { POST } = await import('@/app/api/stacks/[name]/scale/route');
  return callRoute(POST, `/api/stacks/${STACK}/scale`, {
    method: 'POST',
    role: 'operator',
    params: { name: STACK },
    body: JSON.stringify(body),
  });
}

describe('faults › scale edits racing through POST /api/stacks/[name]/scale', () => {
  beforeAll(async () => {
    env = await startTestSandbox({ speed: 40, seed: 53 });
    expect(await launchStack(env.clients, STACK)).toBe('CREATE_COMPLETE');
  });

  afterAll(() => env?.close());

  it('starts exactly one update for two edits at the same moment; the other gets a conflict with the fresh values', async () => {
    const before = await updatesStarted();
    const since = await lastRequestSeq(sandbox());
    const answers = await Promise.all([
      postScale({
        attemptId: 'raceAlice01',
        changes: { AgentInstanceCap: '12' },
        expected: { AgentInstanceCap: '10' },
      }),
      postScale({
        attemptId: 'raceBruno01',
        changes: { AgentInstanceCap: '14' },
        expected: { AgentInstanceCap: '10' },
      }),
    ]);

    const applied = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(applied, JSON.stringify(answers).slice(0, 600)).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(applied[0]?.body).toMatchObject({ kind: 'applied' });
    const winner = (applied[0]?.body.values as Record<string, string>).AgentInstanceCap;

    const conflict = refused[0]?.body;
    expect(conflict?.code).toMatch(/^conflict:(scale|stack_busy)$/);
    expect(conflict?.message).toMatch(/try again|wait for it to finish/i);
    // The fresh values are what the loser must see: the deployed cap is still 10 while the
    // winner's update runs (stack busy), or already the winner's value.
    expect(['10', winner]).toContain(
      (conflict?.details?.fresh as Record<string, string> | undefined)?.AgentInstanceCap,
    );

    expect(await executions(since)).toBe(1);
    expect((await settledValues()).AgentInstanceCap).toBe(winner);
    expect(await updatesStarted()).toBe(before + 1);
  });

  it('starts one update for the same request sent twice (a double click or a retried POST)', async () => {
    const deployed = await settledValues();
    const before = await updatesStarted();
    const since = await lastRequestSeq(sandbox());
    const request = {
      attemptId: 'twiceSent01',
      changes: { AgentInstanceCap: '16' },
      expected: { AgentInstanceCap: deployed.AgentInstanceCap },
    };
    const answers = await Promise.all([postScale(request), postScale(request)]);

    for (const answer of answers) {
      expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
      expect(answer.body.kind).toBe('applied');
    }
    expect(answers[0]?.body.requestToken).toBe(answers[1]?.body.requestToken);
    expect(await executions(since)).toBe(1);
    expect((await settledValues()).AgentInstanceCap).toBe('16');
    expect(await updatesStarted()).toBe(before + 1);

    // Sent again once the update is over: still the same operation, not a new one.
    const late = await postScale(request);
    expect(late.status).toBe(200);
    expect(late.body.kind).toBe('applied');
    expect(await executions(since)).toBe(1);
  });
});
