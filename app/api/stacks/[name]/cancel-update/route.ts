import { awsClients } from '@/lib/aws/clients';
import { apiHandler } from '@/lib/http/handler';
import { stackRouteParams } from '@/lib/http/params';
import { requestRegion } from '@/lib/http/region';
import { cancelStackUpdate } from '@/lib/stacks/operations';
import { stackActionSchema } from '@/lib/stacks/update-input';
import { statusService } from '@/lib/status/service';

const params = stackRouteParams;

/** Cancels a running update; CloudFormation rolls it back. */
export const POST = apiHandler(
  {
    role: 'operator',
    params,
    body: stackActionSchema,
    action: 'stack.cancel_update',
    changesStack: true,
  },
  async ({ request, params, body, user, audit }) => {
    const region = requestRegion(request);
    audit({ stack: params.name, region });
    await cancelStackUpdate(awsClients(region), params.name, body.attemptId, user.name);
    statusService().invalidate(region, params.name);
    return { started: true };
  },
);
