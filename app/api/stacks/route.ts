import { awsClients } from '@/lib/aws/clients';
import { config } from '@/lib/config';
import { apiHandler } from '@/lib/http/handler';
import { listJenkinsStacks } from '@/lib/stacks/overview';
import { statusService } from '@/lib/status/service';
import type { OverviewResponse } from '@/lib/stacks/views';
import type { Verdict } from '@/lib/status/types';

const UNKNOWN: Verdict = {
  level: 'Unknown',
  layer: undefined,
  summary: 'The stack could not be read.',
  cause: undefined,
};

/** The Jenkins stacks of every configured region, each with its verdict. */
export const GET = apiHandler({ role: 'viewer' }, async (): Promise<OverviewResponse> => {
  const { regions } = config();
  const { stacks, regionErrors } = await listJenkinsStacks(regions, awsClients);
  const withVerdicts = await Promise.all(
    stacks.map(async (stack) => {
      try {
        const snapshot = await statusService().snapshot(stack.region, stack.name);
        return { ...stack, verdict: snapshot.verdict, stale: snapshot.stale !== undefined };
      } catch {
        return { ...stack, verdict: UNKNOWN, stale: true };
      }
    }),
  );
  return { regions, stacks: withVerdicts, regionErrors };
});
