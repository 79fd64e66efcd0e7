import { createAwsClients, type AwsClients } from '../lib/aws/clients';
import { SnapshotCache } from '../lib/status/cache';
import { SLOW_POLL_MS } from '../lib/status/snapshot';
import { createStatusService, type StatusService } from '../lib/status/service';
import type { StackSnapshot } from '../lib/status/types';
import { eventually, launchStack } from '../test/support/sandbox';
import type { SandboxProcess } from './sandbox-process';

/** The dashboard's SDK clients for one region of a sandbox, built as the dashboard builds them. */
export function sandboxClients(sandbox: SandboxProcess, region = 'eu-west-1'): AwsClients {
  return createAwsClients({
    region,
    endpoint: sandbox.url,
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
  });
}

/**
 * Launches the bundled template through the dashboard's own launch code and waits until the
 * stack is at rest: Healthy (unless `healthy: false`: a queue waiting on a full pool may not be),
 * `agents` counted, the page polling at its slow pace.
 */
export async function launchSettledStack(
  clients: AwsClients,
  stackName: string,
  options: { agents: number; overrides?: Record<string, string>; healthy?: boolean },
): Promise<StackSnapshot> {
  const status = await launchStack(clients, stackName, options.overrides ?? {});
  if (status !== 'CREATE_COMPLETE') throw new Error(`${stackName} ended ${status}`);
  const service = uncachedStatus(clients);
  return eventually(
    async () => {
      const snapshot = await service.snapshot(clients.region, stackName);
      return (options.healthy === false || snapshot.verdict.level === 'Healthy') &&
        snapshot.agents.counted === options.agents &&
        snapshot.pollAfterMs === SLOW_POLL_MS
        ? snapshot
        : undefined;
    },
    120_000,
    `${stackName} to settle with ${options.agents} agents`,
  );
}

/** A status service whose every request asks AWS (no reuse), for counting one snapshot's calls. */
export function uncachedStatus(clients: AwsClients): StatusService {
  return createStatusService(() => clients, new SnapshotCache(0));
}

/** Milliseconds since `start`, from the high-resolution clock. */
export function elapsedSince(start: number): number {
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}
