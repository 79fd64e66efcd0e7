import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStack, readStackEvents } from '@/lib/aws/cloudformation';
import { currentOperation, rootFailure, startsOperation } from '@/lib/stacks/operation-events';
import { continueRollback, resourcesThatFailedToRollBack } from '@/lib/stacks/operations';
import { isInProgress } from '@/lib/stacks/status';
import { executeUpdate, proposeUpdate } from '@/lib/stacks/update';
import { eventually, launchStack, startTestSandbox, type TestSandbox } from '../../support/sandbox';

describe('stack updates and failures against the sandbox', () => {
  let env: TestSandbox;

  async function settledStatus(name: string): Promise<string> {
    return eventually(
      async () => {
        const status = (await describeStack(env.clients, name))?.StackStatus;
        return status !== undefined && !isInProgress(status) ? status : undefined;
      },
      90_000,
      `${name} to settle`,
    );
  }

  beforeAll(async () => {
    env = await startTestSandbox({ speed: 40, seed: 21 });
  });

  afterAll(() => env.close());

  it('reviews an update that replaces the controller task and keeps the NoEcho password', async () => {
    expect(await launchStack(env.clients, 'jenkins-upd')).toBe('CREATE_COMPLETE');
    await env.sandbox.control.clearRequests();
    const outcome = await proposeUpdate(
      env.clients,
      'jenkins-upd',
      {
        attemptId: 'updcpu0001',
        values: { ControllerCpu: '2048' },
        touched: ['ControllerCpu'],
        capabilities: ['CAPABILITY_IAM'],
      },
      'olivia',
    );
    expect(outcome.kind).toBe('change-set');
    if (outcome.kind !== 'change-set') return;
    expect(outcome.safety.controllerRestarts).toBe(true);
    const taskDefinition = outcome.changeSet.changes.find(
      (c) => c.resourceType === 'AWS::ECS::TaskDefinition',
    );
    expect(taskDefinition).toMatchObject({ action: 'Modify', replacement: 'True' });

    await executeUpdate(env.clients, 'jenkins-upd', outcome.changeSet.arn, 'updcpu0001', 'olivia');
    expect(await settledStatus('jenkins-upd')).toBe('UPDATE_COMPLETE');
    const stack = await describeStack(env.clients, 'jenkins-upd');
    expect(stack?.Parameters?.find((p) => p.ParameterKey === 'ControllerCpu')?.ParameterValue).toBe(
      '2048',
    );
    const secret = Object.values(env.sandbox.world.region('eu-west-1').recorded).find(
      (resource) =>
        resource.type === 'AWS::SecretsManager::Secret' &&
        resource.stackName === 'jenkins-upd' &&
        JSON.stringify(resource.properties).includes('correct-horse-battery-1'),
    );
    expect(secret).toBeDefined();
  });

  it('names the root failure of a create that rolled back', async () => {
    // Armed before the stack exists, so the create cannot outrun it.
    await env.sandbox.control.failResource({
      stackName: 'jenkins-fail',
      logicalId: 'TargetGroup',
      reason: 'Resource handler returned message: "Target group limit reached"',
    });
    const created = launchStack(env.clients, 'jenkins-fail');
    expect(await created).toBe('ROLLBACK_COMPLETE');
    const events = currentOperation(
      'jenkins-fail',
      await readStackEvents(env.clients, 'jenkins-fail', (event) =>
        startsOperation(event, 'jenkins-fail'),
      ),
    );
    expect(events[0]?.status).toBe('CREATE_IN_PROGRESS');
    expect(rootFailure(events)).toMatchObject({
      logicalId: 'TargetGroup',
      status: 'CREATE_FAILED',
    });
  });

  it('continues a failed rollback, skipping only resources that failed to roll back (C18)', async () => {
    await env.sandbox.control.failResource({
      stackName: 'jenkins-upd',
      logicalId: 'AgentCapSetting',
      reason: 'update failed',
    });
    await env.sandbox.control.failResource({
      stackName: 'jenkins-upd',
      logicalId: 'AgentCapSetting',
      reason: 'rollback failed',
    });
    const outcome = await proposeUpdate(
      env.clients,
      'jenkins-upd',
      {
        attemptId: 'updcap0001',
        values: { AgentInstanceCap: '12' },
        touched: ['AgentInstanceCap'],
        capabilities: ['CAPABILITY_IAM'],
      },
      'olivia',
    );
    if (outcome.kind !== 'change-set') throw new Error('expected a change set');
    await executeUpdate(env.clients, 'jenkins-upd', outcome.changeSet.arn, 'updcap0001', 'olivia');
    expect(await settledStatus('jenkins-upd')).toBe('UPDATE_ROLLBACK_FAILED');

    expect(await resourcesThatFailedToRollBack(env.clients, 'jenkins-upd')).toEqual([
      'AgentCapSetting',
    ]);
    await expect(
      continueRollback(env.clients, 'jenkins-upd', ['ControllerService'], 'contrb0001', 'ada'),
    ).rejects.toMatchObject({ code: 'bad_request:resources_to_skip' });
    await continueRollback(env.clients, 'jenkins-upd', ['AgentCapSetting'], 'contrb0002', 'ada');
    expect(await settledStatus('jenkins-upd')).toBe('UPDATE_ROLLBACK_COMPLETE');
  });
});
