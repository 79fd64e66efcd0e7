import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AwsClients } from '../aws/clients';
import { getStackTemplate } from '../aws/cloudformation';
import { parameterModel, readTemplateText, type ParameterModel } from '../template';

/** The template this project ships, as text and as the form's parameter model. */
export interface TemplateSource {
  readonly body: string;
  readonly model: ParameterModel;
  readonly description: string | undefined;
}

const BUNDLED_TEMPLATE = path.join(process.cwd(), 'cloudformation', 'jenkins.yaml');

function sourceOf(body: string): TemplateSource {
  const template = readTemplateText(body);
  return {
    body,
    model: parameterModel(template),
    description: typeof template.Description === 'string' ? template.Description : undefined,
  };
}

let bundled: Promise<TemplateSource> | undefined;

/** The bundled Jenkins template, read from disk once per process. */
export function bundledTemplate(): Promise<TemplateSource> {
  bundled ??= readFile(BUNDLED_TEMPLATE, 'utf8').then(sourceOf);
  return bundled;
}

/** A template given as text (uploaded or pasted), read and modelled. */
export function templateFromText(body: string): TemplateSource {
  return sourceOf(body);
}

/** A deployed stack's current template (the Original stage, as written), read and modelled. */
export async function stackTemplate(
  clients: AwsClients,
  stackName: string,
): Promise<TemplateSource> {
  return sourceOf(await getStackTemplate(clients, stackName));
}
