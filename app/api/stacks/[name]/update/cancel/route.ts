import { z } from 'zod';
import { awsClients } from '@/lib/aws/clients';
import { deleteChangeSet } from '@/lib/aws/cloudformation';
import { apiHandler } from '@/lib/http/handler';
import { stackRouteParams } from '@/lib/http/params';
import { requestRegion } from '@/lib/http/region';
import { changeSetArnSchema } from '@/lib/stacks/launch-input';

const params = stackRouteParams;
const body = z.object({ changeSetArn: changeSetArnSchema });

/** Abandons a reviewed update: its change set is deleted so it does not pile up (C16). */
export const POST = apiHandler(
  { role: 'operator', params, body, action: 'stack.cancel_update_review', changesStack: true },
  async ({ request, params, body, audit }) => {
    const region = requestRegion(request);
    audit({ stack: params.name, region, changeSet: body.changeSetArn });
    await deleteChangeSet(awsClients(region), {
      changeSet: body.changeSetArn,
      stackName: params.name,
    });
    return { cancelled: true };
  },
);
