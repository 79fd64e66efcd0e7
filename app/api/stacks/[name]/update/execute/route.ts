import { awsClients } from '@/lib/aws/clients';
import { apiHandler } from '@/lib/http/handler';
import { stackRouteParams } from '@/lib/http/params';
import { requestRegion } from '@/lib/http/region';
import { executeUpdate } from '@/lib/stacks/update';
import { updateExecutionSchema } from '@/lib/stacks/update-input';
import { statusService } from '@/lib/status/service';

const params = stackRouteParams;

/** Executes a reviewed UPDATE change set. */
export const POST = apiHandler(
  {
    role: 'operator',
    params,
    body: updateExecutionSchema,
    action: 'stack.update',
    changesStack: true,
  },
  async ({ request, params, body, user, audit }) => {
    const region = requestRegion(request);
    audit({ stack: params.name, region, changeSet: body.changeSetArn });
    await executeUpdate(
      awsClients(region),
      params.name,
      body.changeSetArn,
      body.attemptId,
      user.name,
    );
    statusService().invalidate(region, params.name);
    return { started: true };
  },
);
