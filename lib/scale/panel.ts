import 'server-only';
import type { AwsClients } from '../aws/clients';
import { requireStack } from '../aws/cloudformation';
import { stackTemplate, type TemplateSource } from '../stacks/templates';
import { deployedScaleValues } from './apply';
import { readScaleHistory } from './history';
import { isScaleParameter } from './limits';
import type { ScalePanelView } from './view';

const templates = new Map<string, TemplateSource>();

/**
 * The scale panel's data: deployed values from DescribeStacks, the constraints from the
 * stack's current template (read again only when the stack has changed), and the history
 * from the stack's events.
 */
export async function scalePanel(clients: AwsClients, stackName: string): Promise<ScalePanelView> {
  const stack = await requireStack(clients, stackName);
  const version = `${clients.region}/${stackName}/${(stack.LastUpdatedTime ?? stack.CreationTime)?.toISOString()}`;
  let template = templates.get(version);
  if (template === undefined) {
    template = await stackTemplate(clients, stackName);
    templates.set(version, template);
  }
  const history = await readScaleHistory(clients, stackName);
  return {
    stackName,
    region: clients.region,
    stackStatus: stack.StackStatus ?? 'UNKNOWN',
    values: deployedScaleValues(stack),
    parameters: template.model.parameters.filter((parameter) => isScaleParameter(parameter.key)),
    history,
  };
}
