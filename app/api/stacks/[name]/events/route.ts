import { awsClients } from '@/lib/aws/clients';
import { readStackEvents, requireStack } from '@/lib/aws/cloudformation';
import { apiHandler } from '@/lib/http/handler';
import { stackRouteParams } from '@/lib/http/params';
import { requestRegion } from '@/lib/http/region';
import { currentOperation, rootFailure, startsOperation } from '@/lib/stacks/operation-events';
import { isInProgress } from '@/lib/stacks/status';

const params = stackRouteParams;

/**
 * The current operation's events (oldest first), its status, and the likely root failure.
 * Pages back only to the operation's start, so a long history costs no extra calls.
 */
export const GET = apiHandler({ role: 'viewer', params }, async ({ request, params }) => {
  const clients = awsClients(requestRegion(request));
  const stack = await requireStack(clients, params.name);
  const newestFirst = await readStackEvents(clients, params.name, (event) =>
    startsOperation(event, params.name),
  );
  const events = currentOperation(params.name, newestFirst);
  const status = stack.StackStatus ?? 'UNKNOWN';
  return {
    status,
    statusReason: stack.StackStatusReason,
    inProgress: isInProgress(status),
    events,
    rootFailure: rootFailure(events),
  };
});
