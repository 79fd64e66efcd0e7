import { awsClients } from '@/lib/aws/clients';
import { apiHandler } from '@/lib/http/handler';
import { stackRouteParams } from '@/lib/http/params';
import { requestRegion } from '@/lib/http/region';
import { deleteJenkinsStack, resourcesThatFailedToDelete } from '@/lib/stacks/operations';
import { deleteStackSchema } from '@/lib/stacks/update-input';
import { statusService } from '@/lib/status/service';

const params = stackRouteParams;

/** The resources a retried deletion may keep: those that failed to delete. */
export const GET = apiHandler({ role: 'viewer', params }, async ({ request, params }) => ({
  retainable: await resourcesThatFailedToDelete(awsClients(requestRegion(request)), params.name),
}));

/** Deletes the stack (admin only); a retry after DELETE_FAILED may keep what failed. */
export const POST = apiHandler(
  { role: 'admin', params, body: deleteStackSchema, action: 'stack.delete', changesStack: true },
  async ({ request, params, body, user, audit }) => {
    const region = requestRegion(request);
    audit({ stack: params.name, region, resourcesToRetain: body.resourcesToRetain });
    await deleteJenkinsStack(
      awsClients(region),
      params.name,
      body.attemptId,
      user.name,
      body.resourcesToRetain,
    );
    statusService().invalidate(region, params.name);
    return { started: true };
  },
);
