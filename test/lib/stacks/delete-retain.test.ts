import { DescribeStackEventsCommand } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStack } from '@/lib/aws/cloudformation';
import { deleteJenkinsStack, resourcesThatFailedToDelete } from '@/lib/stacks/operations';
import { eventually, launchStack, startTestSandbox, type TestSandbox } from '../../support/sandbox';

const STACK = 'jenkins-keep';

describe('retrying a failed deletion (DELETE_FAILED → delete again, optionally keeping what failed)', () => {
  let env: TestSandbox;

  beforeAll(async () => {
    env = await startTestSandbox({ speed: 40, seed: 31 });
    expect(await launchStack(env.clients, STACK)).toBe('CREATE_COMPLETE');
  });

  afterAll(() => env.close());

  it('keeps only resources that failed to delete, and only once the deletion has failed', async () => {
    await expect(
      deleteJenkinsStack(env.clients, STACK, 'keep000001', 'ada', ['JenkinsUrlSetting']),
    ).rejects.toMatchObject({ code: 'bad_request:resources_to_retain' });
    expect((await describeStack(env.clients, STACK))?.StackStatus).toBe('CREATE_COMPLETE');

    await env.sandbox.control.failResource({
      stackName: STACK,
      logicalId: 'JenkinsUrlSetting',
      reason: 'Parameter is in use by a policy',
    });
    await deleteJenkinsStack(env.clients, STACK, 'keep000002', 'ada');
    const failed = await eventually(async () => {
      const stack = await describeStack(env.clients, STACK);
      return stack?.StackStatus === 'DELETE_FAILED' ? stack : undefined;
    }, 60_000);
    expect(await resourcesThatFailedToDelete(env.clients, STACK)).toEqual(['JenkinsUrlSetting']);

    await expect(
      deleteJenkinsStack(env.clients, STACK, 'keep000003', 'ada', ['FileSystem']),
    ).rejects.toMatchObject({
      code: 'bad_request:resources_to_retain',
      details: { retainable: ['JenkinsUrlSetting'] },
    });

    await deleteJenkinsStack(env.clients, STACK, 'keep000004', 'ada', ['JenkinsUrlSetting']);
    await eventually(
      async () => ((await describeStack(env.clients, STACK)) === undefined ? true : undefined),
      60_000,
    );
    const events = (
      await env.clients.cloudformation.send(
        new DescribeStackEventsCommand({ StackName: failed.StackId }),
      )
    ).StackEvents;
    expect(events?.[0]?.ResourceStatus).toBe('DELETE_COMPLETE');
    expect(
      events?.find((event) => event.LogicalResourceId === 'JenkinsUrlSetting')?.ResourceStatus,
    ).toBe('DELETE_SKIPPED');
  });
});
