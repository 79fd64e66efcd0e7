import { awsClients } from '@/lib/aws/clients';
import { config } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { apiHandler } from '@/lib/http/handler';
import { requestRegion } from '@/lib/http/region';
import { proposeLaunch } from '@/lib/stacks/launch';
import { launchProposalSchema } from '@/lib/stacks/launch-input';
import { stackNamePrefixProblem } from '@/lib/stacks/names';
import type { LaunchProposalView } from '@/lib/stacks/launch-view';
import { bundledTemplate, templateFromText } from '@/lib/stacks/templates';

/** Proposes a new stack as a CREATE change set to review (nothing is created yet). */
export const POST = apiHandler(
  {
    role: 'operator',
    body: launchProposalSchema,
    action: 'stack.propose',
    maxBodyBytes: 128 * 1024,
  },
  async ({ request, body, user, audit }): Promise<LaunchProposalView> => {
    const region = requestRegion(request);
    const outsidePrefix = stackNamePrefixProblem(body.stackName, config().stackNamePrefix);
    if (outsidePrefix !== undefined) {
      throw new AppError('bad_request:validation', 'Some values are not valid.', {
        fields: { stackName: outsidePrefix },
      });
    }
    const template =
      body.templateBody === undefined
        ? await bundledTemplate()
        : templateFromText(body.templateBody);
    const noEcho = new Set(template.model.parameters.filter((p) => p.noEcho).map((p) => p.key));
    audit({
      stack: body.stackName,
      region,
      parameters: Object.fromEntries(
        Object.entries(body.values).map(([key, value]) => [
          key,
          noEcho.has(key) ? '[redacted]' : value,
        ]),
      ),
      capabilities: body.capabilities,
    });
    const { changeSet } = await proposeLaunch(awsClients(region), body, user.name);
    audit({ changeSet: changeSet.arn });
    return { stackName: body.stackName, region, changeSet };
  },
);
