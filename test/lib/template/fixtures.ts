import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readTemplateText } from '@/lib/template/read';
import { parameterModel, type ParameterModel } from '@/lib/template/model';

const FIXTURES = new URL('../../fixtures/templates/', import.meta.url);

/** Reads a template from test/fixtures/templates as the dashboard would. */
export function readFixture(name: string): Record<string, unknown> {
  return readTemplateText(readFileSync(fileURLToPath(new URL(name, FIXTURES)), 'utf8'));
}

/** The parameter model of a fixture template. */
export function fixtureModel(name: string): ParameterModel {
  return parameterModel(readFixture(name));
}

/** Groups as `[label, keys]` pairs, the shape the form renders. */
export function groupKeys(model: ParameterModel): [string, string[]][] {
  return model.groups.map((group) => [group.label, group.parameters.map(({ key }) => key)]);
}
