import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedLimitsOf, probeJenkins } from '@/lib/status/jenkins';

describe('applied scale limits', () => {
  it('reads the limits line of the system message', () => {
    expect(
      appliedLimitsOf(
        'Jenkins on AWS, stack x.\nScale limits in effect: cap=20 warm=2 idle=45 type=m6i.large',
      ),
    ).toEqual({ cap: 20, warm: 2, idleMinutes: 45, instanceType: 'm6i.large' });
  });

  it('knows nothing when the line is missing or unresolved', () => {
    expect(appliedLimitsOf('Welcome')).toBeUndefined();
    expect(appliedLimitsOf('Scale limits in effect: cap=${agent-cap}')?.cap).toBeUndefined();
  });
});

describe('Jenkins probe', () => {
  let server: Server;
  let url: string;
  const NOW = Date.parse('2026-12-03T12:00:00.000Z');

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = request.url ?? '';
      response.setHeader('X-Jenkins', '2.568.2');
      if (path.startsWith('/login')) return response.end('<html>login</html>');
      response.setHeader('content-type', 'application/json');
      if (path.startsWith('/queue/')) {
        return response.end(
          JSON.stringify({
            items: [{ inQueueSince: NOW - 20 * 60_000 }, { inQueueSince: NOW - 1_000 }],
          }),
        );
      }
      if (path.startsWith('/computer/')) {
        return response.end(
          JSON.stringify({
            computer: [
              {
                _class: 'hudson.model.Hudson$MasterComputer',
                displayName: 'Built-In Node',
                idle: true,
              },
              { displayName: 'linux (i-0abc12345678)', offline: false, idle: false },
            ],
          }),
        );
      }
      return response.end(
        JSON.stringify({
          description: 'Scale limits in effect: cap=3 warm=0 idle=30 type=t3.large',
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reports version, queue, stuck items, agent nodes and applied limits', async () => {
    const view = await probeJenkins(url, NOW);
    expect(view).toMatchObject({
      reachable: true,
      httpStatus: 200,
      version: '2.568.2',
      queueLength: 2,
      stuckItems: 1,
      nodes: [
        {
          name: 'linux (i-0abc12345678)',
          idle: false,
          offline: false,
          instanceId: 'i-0abc12345678',
        },
      ],
      appliedLimits: { cap: 3 },
      error: undefined,
    });
    expect(view.responseMs).toBeGreaterThan(0);
  });

  it('reports an unreachable Jenkins in the view instead of throwing', async () => {
    const view = await probeJenkins('http://127.0.0.1:9/', NOW);
    expect(view).toMatchObject({ reachable: false, nodes: undefined });
    expect(view.error).toMatch(/did not answer/);
  });
});
