import { DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { buildSnapshot, newStackMemory } from '@/lib/status/snapshot';
import { launchStack, startTestSandbox, type TestSandbox } from '../../support/sandbox';

describe('status snapshot of a stack being deleted', () => {
  let env: TestSandbox;

  beforeAll(async () => {
    env = await startTestSandbox({ speed: 40, seed: 21 });
    expect(await launchStack(env.clients, 'jenkins-going')).toBe('CREATE_COMPLETE');
  });

  afterAll(() => env.close());

  // The outputs still name the cluster and the target group after CloudFormation has deleted
  // them, while the agents are reaped and the rest goes: ECS and ELB then answer "not found".
  it('keeps answering while the stack’s cluster and target group are already gone, then says the stack is gone', async () => {
    const memory = newStackMemory();
    await buildSnapshot(env.clients, 'jenkins-going', memory);
    await env.clients.cloudformation.send(new DeleteStackCommand({ StackName: 'jenkins-going' }));

    const serviceStates = new Set<string>();
    let ending: unknown;
    for (let poll = 0; poll < 300 && ending === undefined; poll++) {
      try {
        const snapshot = await buildSnapshot(env.clients, 'jenkins-going', memory);
        expect(snapshot.stack.status).toBe('DELETE_IN_PROGRESS');
        expect(snapshot.verdict.level).toBe('Progressing');
        serviceStates.add(snapshot.controller?.serviceStatus ?? 'none');
      } catch (error) {
        ending = error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // Seen after the cluster was deleted: ECS answered ClusterNotFoundException by then.
    expect(serviceStates).toContain('MISSING');
    expect(ending).toBeInstanceOf(AppError);
    expect((ending as AppError).code).toBe('not_found:stack');
  });
});
