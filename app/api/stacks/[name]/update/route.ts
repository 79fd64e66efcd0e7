import { awsClients } from '@/lib/aws/clients';
import { apiHandler } from '@/lib/http/handler';
import { stackRouteParams } from '@/lib/http/params';
import { requestRegion } from '@/lib/http/region';
import { proposeUpdate } from '@/lib/stacks/update';
import { updateProposalSchema } from '@/lib/stacks/update-input';

const params = stackRouteParams;

/** Proposes an update of the stack as an UPDATE change set to review. */
export const POST = apiHandler(
  {
    role: 'operator',
    params,
    body: updateProposalSchema,
    action: 'stack.propose_update',
    maxBodyBytes: 128 * 1024,
    changesStack: true,
  },
  async ({ request, params, body, user, audit }) => {
    const region = requestRegion(request);
    audit({
      stack: params.name,
      region,
      touched: body.touched,
      newTemplate: body.templateBody !== undefined,
    });
    const outcome = await proposeUpdate(awsClients(region), params.name, body, user.name);
    audit({ result: outcome.kind });
    return outcome;
  },
);
