import { awsClients } from '@/lib/aws/clients';
import { apiHandler } from '@/lib/http/handler';
import { requestRegion } from '@/lib/http/region';
import { cancelLaunch } from '@/lib/stacks/launch';
import { launchCancelSchema } from '@/lib/stacks/launch-input';

/** Cancels a reviewed launch: its change set (and the empty REVIEW_IN_PROGRESS stack) go. */
export const POST = apiHandler(
  { role: 'operator', body: launchCancelSchema, action: 'stack.cancel_launch' },
  async ({ request, body, audit }) => {
    const region = requestRegion(request);
    audit({ stack: body.stackName, region, changeSet: body.changeSetArn });
    await cancelLaunch(awsClients(region), body.stackName, body.changeSetArn);
    return { cancelled: true };
  },
);
