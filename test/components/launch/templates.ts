import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parameterModel, readTemplateText, type ParameterModel } from '@/lib/template';

/** The model of a template written inline in a test. */
export function modelOf(yaml: string): ParameterModel {
  return parameterModel(readTemplateText(yaml));
}

/** The model of the template this project ships. */
export function jenkinsModel(): ParameterModel {
  const path = fileURLToPath(new URL('../../../cloudformation/jenkins.yaml', import.meta.url));
  return modelOf(readFileSync(path, 'utf8'));
}
