import { awsClients } from '@/lib/aws/clients';
import { apiHandler } from '@/lib/http/handler';
import { stackRouteParams } from '@/lib/http/params';
import { requestRegion } from '@/lib/http/region';
import { continueRollback, resourcesThatFailedToRollBack } from '@/lib/stacks/operations';
import { continueRollbackSchema } from '@/lib/stacks/update-input';
import { statusService } from '@/lib/status/service';

const params = stackRouteParams;

/** The resources that may be skipped when continuing the failed rollback (C18). */
export const GET = apiHandler({ role: 'viewer', params }, async ({ request, params }) => ({
  skippable: await resourcesThatFailedToRollBack(awsClients(requestRegion(request)), params.name),
}));

/** Continues a failed rollback (admin only), optionally skipping resources. */
export const POST = apiHandler(
  {
    role: 'admin',
    params,
    body: continueRollbackSchema,
    action: 'stack.continue_rollback',
    changesStack: true,
  },
  async ({ request, params, body, user, audit }) => {
    const region = requestRegion(request);
    audit({ stack: params.name, region, resourcesToSkip: body.resourcesToSkip });
    await continueRollback(
      awsClients(region),
      params.name,
      body.resourcesToSkip,
      body.attemptId,
      user.name,
    );
    statusService().invalidate(region, params.name);
    return { started: true };
  },
);
