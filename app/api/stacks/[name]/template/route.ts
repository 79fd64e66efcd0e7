import { awsClients } from '@/lib/aws/clients';
import { getTemplateSummary, requireStack } from '@/lib/aws/cloudformation';
import { apiHandler } from '@/lib/http/handler';
import { stackRouteParams } from '@/lib/http/params';
import { requestRegion } from '@/lib/http/region';
import { stackTemplate } from '@/lib/stacks/templates';

const params = stackRouteParams;

/**
 * The stack's current template as the update form needs it: the parameter model, the deployed
 * values (NoEcho ones left out: the form shows them as "unchanged" until typed into), and the
 * capabilities an update needs.
 */
export const GET = apiHandler({ role: 'viewer', params }, async ({ request, params }) => {
  const clients = awsClients(requestRegion(request));
  const stack = await requireStack(clients, params.name);
  const [template, summary] = await Promise.all([
    stackTemplate(clients, params.name),
    getTemplateSummary(clients, { stackName: params.name }),
  ]);
  const noEcho = new Set(template.model.parameters.filter((p) => p.noEcho).map((p) => p.key));
  const values: Record<string, string> = {};
  for (const parameter of stack.Parameters ?? []) {
    const key = parameter.ParameterKey ?? '';
    if (!noEcho.has(key) && parameter.ParameterValue !== '****')
      values[key] = parameter.ParameterValue ?? '';
  }
  return {
    stackName: params.name,
    region: clients.region,
    status: stack.StackStatus,
    model: template.model,
    values,
    noEchoKeys: [...noEcho],
    capabilities: summary.Capabilities ?? [],
    capabilitiesReason: summary.CapabilitiesReason,
  };
});
