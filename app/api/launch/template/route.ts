import { awsClients } from '@/lib/aws/clients';
import { apiHandler } from '@/lib/http/handler';
import { requestRegion } from '@/lib/http/region';
import { requiredCapabilities } from '@/lib/stacks/launch';
import type { LaunchTemplateView } from '@/lib/stacks/launch-view';
import { bundledTemplate } from '@/lib/stacks/templates';

/** The bundled template's form model and the capabilities it needs (GetTemplateSummary). */
export const GET = apiHandler(
  { role: 'viewer' },
  async ({ request }): Promise<LaunchTemplateView> => {
    const region = requestRegion(request);
    const template = await bundledTemplate();
    const { capabilities, reason } = await requiredCapabilities(awsClients(region), template.body);
    return {
      description: template.description,
      model: template.model,
      capabilities,
      capabilitiesReason: reason,
      region,
    };
  },
);
