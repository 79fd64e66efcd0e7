import { awsClients } from '@/lib/aws/clients';
import { apiHandler } from '@/lib/http/handler';
import { requestRegion } from '@/lib/http/region';
import { executeLaunch } from '@/lib/stacks/launch';
import { launchExecutionSchema } from '@/lib/stacks/launch-input';

/** Executes a reviewed CREATE change set: the stack starts creating. */
export const POST = apiHandler(
  { role: 'operator', body: launchExecutionSchema, action: 'stack.create' },
  async ({ request, body, user, audit }) => {
    const region = requestRegion(request);
    audit({ stack: body.stackName, region, changeSet: body.changeSetArn });
    await executeLaunch(awsClients(region), body, user.name);
    return { stackName: body.stackName, region };
  },
);
