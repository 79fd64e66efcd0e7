import { awsClients } from '@/lib/aws/clients';
import { apiHandler } from '@/lib/http/handler';
import { stackRouteParams } from '@/lib/http/params';
import { requestRegion } from '@/lib/http/region';
import { deleteJenkinsStack } from '@/lib/stacks/operations';
import { stackActionSchema } from '@/lib/stacks/update-input';
import { statusService } from '@/lib/status/service';

const params = stackRouteParams;

/** Deletes the stack (admin only). */
export const POST = apiHandler(
  { role: 'admin', params, body: stackActionSchema, action: 'stack.delete', changesStack: true },
  async ({ request, params, body, user, audit }) => {
    const region = requestRegion(request);
    audit({ stack: params.name, region });
    await deleteJenkinsStack(awsClients(region), params.name, body.attemptId, user.name);
    statusService().invalidate(region, params.name);
    return { started: true };
  },
);
