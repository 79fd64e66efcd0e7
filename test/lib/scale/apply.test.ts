import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStack, readLatestStackEvents } from '@/lib/aws/cloudformation';
import { isAppError } from '@/lib/errors';
import { applyScaleEdit, deployedScaleValues } from '@/lib/scale/apply';
import { isInProgress } from '@/lib/stacks/status';
import { SnapshotCache } from '@/lib/status/cache';
import { createStatusService } from '@/lib/status/service';
import { eventually, launchStack, startTestSandbox, type TestSandbox } from '../../support/sandbox';

const STACK = 'jenkins-scale';
const noBuilds = async () => 0;

describe('scale edits against the sandbox', () => {
  let env: TestSandbox;

  async function settled(): Promise<Record<string, string>> {
    return eventually(
      async () => {
        const stack = await describeStack(env.clients, STACK);
        return stack !== undefined && !isInProgress(stack.StackStatus ?? '')
          ? deployedScaleValues(stack)
          : undefined;
      },
      60_000,
      'the stack to settle',
    );
  }

  async function updatesStarted(): Promise<number> {
    const events = await readLatestStackEvents(env.clients, STACK);
    return events.filter(
      (e) => e.LogicalResourceId === STACK && e.ResourceStatus === 'UPDATE_IN_PROGRESS',
    ).length;
  }

  async function mutatingCalls(): Promise<string[]> {
    const { requests } = await env.sandbox.control.requests();
    return requests
      .map((request) => request.operation)
      .filter(
        (operation) =>
          /^(Execute|Update|Create|Delete)/.test(operation) && operation !== 'DeleteChangeSet',
      );
  }

  beforeAll(async () => {
    env = await startTestSandbox({ speed: 40, seed: 11 });
    expect(await launchStack(env.clients, STACK)).toBe('CREATE_COMPLETE');
  });

  afterAll(() => env.close());

  it('raises the cap in one click, keeps the NoEcho password, and the simulated plugin follows', async () => {
    const outcome = await applyScaleEdit(
      env.clients,
      STACK,
      {
        attemptId: 'raisecap01',
        changes: { AgentInstanceCap: '14' },
        expected: { AgentInstanceCap: '10' },
        confirm: false,
      },
      'Olivia Operator',
      noBuilds,
    );
    expect(outcome).toMatchObject({
      kind: 'applied',
      requestToken: 'js-OliviaOperator-raisecap01-cap-10-14',
    });
    expect(
      outcome.kind === 'applied' && outcome.changeSet?.changes.map((c) => c.resourceType),
    ).toEqual(['AWS::SSM::Parameter']);
    expect((await settled()).AgentInstanceCap).toBe('14');

    const secret = Object.values(env.sandbox.world.region('eu-west-1').recorded).find(
      (resource) =>
        resource.type === 'AWS::SecretsManager::Secret' &&
        resource.stackName === STACK &&
        JSON.stringify(resource.properties).includes('correct-horse-battery-1'),
    );
    expect(secret).toBeDefined();

    await eventually(
      async () => {
        const jenkins = await env.sandbox.control.jenkins({ stackName: STACK });
        return jenkins.settings?.instanceCap === 14 ? jenkins : undefined;
      },
      60_000,
      'the simulated EC2 plugin to read cap 14',
    );

    // The dashboard confirms from Jenkins itself (its reloaded system message), not from AWS.
    const status = createStatusService(() => env.clients, new SnapshotCache(0));
    const snapshot = await eventually(
      async () => {
        const current = await status.snapshot('eu-west-1', STACK);
        return current.jenkins?.appliedLimits?.cap === 14 ? current : undefined;
      },
      60_000,
      'Jenkins to report cap 14 in effect',
    );
    expect(snapshot.jenkins?.appliedLimits).toMatchObject({
      warm: 0,
      idleMinutes: 30,
      instanceType: 't3.large',
    });
  });

  it('answers nothing to change for the deployed value and keeps showing it (C01, C02)', async () => {
    await env.sandbox.control.clearRequests();
    const outcome = await applyScaleEdit(
      env.clients,
      STACK,
      {
        attemptId: 'samecap001',
        changes: { AgentInstanceCap: '14' },
        expected: { AgentInstanceCap: '14' },
        confirm: false,
      },
      'olivia',
      noBuilds,
    );
    expect(outcome).toMatchObject({
      kind: 'nothing-to-change',
      deployed: { AgentInstanceCap: '14' },
    });
    const { requests } = await env.sandbox.control.requests();
    expect(requests.some((r) => r.operation === 'DeleteChangeSet')).toBe(true);
    expect(requests.filter((r) => r.operation === 'ExecuteChangeSet')).toHaveLength(0);
  });

  it('starts exactly one update for two edits at the same moment; the other gets a conflict with fresh values', async () => {
    const before = await updatesStarted();
    const results = await Promise.allSettled([
      applyScaleEdit(
        env.clients,
        STACK,
        {
          attemptId: 'concurrentA',
          changes: { WarmAgents: '1' },
          expected: { WarmAgents: '0' },
          confirm: false,
        },
        'alice',
        noBuilds,
      ),
      applyScaleEdit(
        env.clients,
        STACK,
        {
          attemptId: 'concurrentB',
          changes: { WarmAgents: '2' },
          expected: { WarmAgents: '0' },
          confirm: false,
        },
        'bob',
        noBuilds,
      ),
    ]);
    const applied = results.filter((r) => r.status === 'fulfilled' && r.value.kind === 'applied');
    const conflicts = results.filter(
      (r) => r.status === 'rejected' && isAppError(r.reason) && r.reason.kind === 'conflict',
    );
    expect(applied).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    const conflict = (conflicts[0] as PromiseRejectedResult).reason;
    expect(conflict.details?.fresh).toMatchObject({ AgentInstanceCap: '14' });
    await settled();
    expect((await updatesStarted()) - before).toBe(1);
  });

  it('starts one update for the same request sent twice', async () => {
    const before = await updatesStarted();
    const edit = {
      attemptId: 'doubleclk1',
      changes: { AgentIdleMinutes: '45' },
      expected: { AgentIdleMinutes: '30' },
      confirm: false,
    };
    const first = await applyScaleEdit(env.clients, STACK, edit, 'olivia', noBuilds);
    const second = await applyScaleEdit(env.clients, STACK, edit, 'olivia', noBuilds);
    expect(first.kind).toBe('applied');
    expect(second).toMatchObject({
      kind: 'applied',
      requestToken: first.kind === 'applied' ? first.requestToken : '',
    });
    await settled();
    expect((await updatesStarted()) - before).toBe(1);
  });

  it('refuses values the person saw that are no longer deployed', async () => {
    await expect(
      applyScaleEdit(
        env.clients,
        STACK,
        {
          attemptId: 'staleview1',
          changes: { AgentInstanceCap: '20' },
          expected: { AgentInstanceCap: '10' },
          confirm: false,
        },
        'olivia',
        noBuilds,
      ),
    ).rejects.toMatchObject({
      code: 'conflict:scale',
      details: { fresh: { AgentInstanceCap: '14' } },
    });
  });

  it('refuses a cap outside the template constraints before any AWS mutation (C26)', async () => {
    await env.sandbox.control.clearRequests();
    for (const value of ['0', '-1', '12.5', '1e2', '2147483648']) {
      await expect(
        applyScaleEdit(
          env.clients,
          STACK,
          {
            attemptId: `badcap${value.replace(/\W/g, 'x')}`,
            changes: { AgentInstanceCap: value },
            expected: {},
            confirm: false,
          },
          'olivia',
          noBuilds,
        ),
      ).rejects.toMatchObject({ code: 'bad_request:parameters' });
    }
    expect(await mutatingCalls()).toEqual([]);
  });

  it('never executes a change that restarts the controller without a confirm', async () => {
    await env.sandbox.control.clearRequests();
    const review = await applyScaleEdit(
      env.clients,
      STACK,
      {
        attemptId: 'ctloff0001',
        changes: { ControllerEnabled: 'false' },
        expected: { ControllerEnabled: 'true' },
        confirm: false,
      },
      'olivia',
      async () => 3,
    );
    expect(review).toMatchObject({
      kind: 'needs-confirmation',
      runningBuilds: 3,
      safety: { controllerRestarts: true },
    });
    const { requests } = await env.sandbox.control.requests();
    expect(requests.some((r) => r.operation === 'ExecuteChangeSet')).toBe(false);

    const confirmed = await applyScaleEdit(
      env.clients,
      STACK,
      {
        attemptId: 'ctloff0001',
        changes: { ControllerEnabled: 'false' },
        expected: { ControllerEnabled: 'true' },
        confirm: true,
      },
      'olivia',
      async () => 3,
    );
    expect(confirmed.kind).toBe('applied');
    expect((await settled()).ControllerEnabled).toBe('false');
  });
});
