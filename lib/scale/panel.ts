import 'server-only';
import type { AwsClients } from '../aws/clients';
import { requireStack } from '../aws/cloudformation';
import { stackTemplate, type TemplateSource } from '../stacks/templates';
import { deployedScaleValues } from './apply';
import { readScaleHistory } from './history';
import { isScaleParameter } from './limits';
import type { ScalePanelView } from './view';

/** What the panel read for one version of a stack: the template and the edit history. */
interface StackReading {
  readonly version: string;
  readonly template: Promise<TemplateSource>;
  readonly history: Promise<ScalePanelView['history']>;
}

// One entry per stack, replaced when the stack changes, so memory stays bounded.
const readings = new Map<string, StackReading>();

/**
 * The scale panel's data: deployed values from DescribeStacks, and the constraints from the
 * stack's current template and the history from its events, both read again only when the
 * stack's last change or status differs. A panel poll at rest therefore costs one
 * DescribeStacks, however long the stack's event history is.
 */
export async function scalePanel(clients: AwsClients, stackName: string): Promise<ScalePanelView> {
  const stack = await requireStack(clients, stackName);
  const key = `${clients.region}/${stackName}`;
  const version = `${(stack.LastUpdatedTime ?? stack.CreationTime)?.toISOString()}/${stack.StackStatus}`;
  let reading = readings.get(key);
  if (reading === undefined || reading.version !== version) {
    reading = {
      version,
      template: stackTemplate(clients, stackName),
      history: readScaleHistory(clients, stackName),
    };
    readings.set(key, reading);
  }
  const current = reading;
  const [template, history] = await Promise.all([current.template, current.history]).catch(
    (error: unknown) => {
      // A failed read is not kept: the next poll tries again.
      if (readings.get(key) === current) readings.delete(key);
      throw error;
    },
  );
  return {
    stackName,
    region: clients.region,
    stackStatus: stack.StackStatus ?? 'UNKNOWN',
    values: deployedScaleValues(stack),
    parameters: template.model.parameters.filter((parameter) => isScaleParameter(parameter.key)),
    history,
  };
}
