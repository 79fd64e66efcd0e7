import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '@/sandbox/index';
import { clientsFor } from './support';
import { deployControllerStack } from './stack-fixture';

const directories: string[] = [];
afterAll(() =>
  Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true }))),
);

describe('sandbox state file', () => {
  it('restores the world after a restart, with the load balancer on its port again', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'sandbox-state-'));
    directories.push(directory);
    const stateFile = join(directory, 'nested', 'sandbox.json');

    const first = await startSandbox({ stateFile, speed: 0, seed: 3 });
    const stack = deployControllerStack(first, { cap: 2 });
    first.clock.advanceBy(120_000);
    const before = first.clock.now();
    first.world.state.cloudformation.marker = 'kept';
    await first.close();

    const second = await startSandbox({ stateFile, speed: 0 });
    try {
      expect(second.clock.now()).toBe(before);
      expect(second.world.state.cloudformation.marker).toBe('kept');
      const { services } = await clientsFor(second.url).ecs.send(
        new DescribeServicesCommand({ cluster: stack.clusterName, services: [stack.serviceArn] }),
      );
      expect(services?.[0]).toMatchObject({
        runningCount: 1,
        deployments: [{ rolloutState: 'COMPLETED' }],
      });
      const login = await fetch(`http://${stack.dnsName}/login`);
      expect(login.status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('control API', () => {
  it('reports health and refuses unknown routes with a JSON error', async () => {
    const sandbox = await startSandbox({ speed: 0 });
    try {
      expect(await sandbox.control.health()).toMatchObject({
        status: 'ok',
        url: sandbox.url,
        speed: 0,
      });
      const missing = await fetch(`${sandbox.url}/_sandbox/nothing`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: 'No control route GET /nothing' });
      await expect(sandbox.control.setBuildQueue({ stackName: 'nope', length: 1 })).rejects.toThrow(
        /No such ECS service/,
      );
    } finally {
      await sandbox.close();
    }
  });
});
