import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isScaleParameter } from '@/lib/scale/limits';
import { parameterModel, readTemplateText, type ParameterDefinition } from '@/lib/template';

const TEMPLATE = new URL('../../../cloudformation/jenkins.yaml', import.meta.url);

/** The scale parameters of the product's own template, as the panel's view carries them. */
export function scaleParameters(): ParameterDefinition[] {
  const template = readTemplateText(readFileSync(fileURLToPath(TEMPLATE), 'utf8'));
  return parameterModel(template).parameters.filter((parameter) => isScaleParameter(parameter.key));
}

/** One scale parameter of the product's template by key. */
export function scaleParameter(key: string): ParameterDefinition {
  const parameter = scaleParameters().find((candidate) => candidate.key === key);
  if (parameter === undefined) throw new Error(`The template has no ${key}.`);
  return parameter;
}

/** A scale parameter with its constraints replaced, for templates other than ours. */
export function withConstraints(
  key: string,
  constraints: ParameterDefinition['constraints'],
): ParameterDefinition {
  return { ...scaleParameter(key), constraints };
}

/** The deployed values of a stack launched with the template's defaults. */
export const DEPLOYED = {
  AgentInstanceCap: '10',
  WarmAgents: '0',
  AgentIdleMinutes: '30',
  AgentInstanceType: 't3.large',
  ControllerEnabled: 'true',
} as const;
