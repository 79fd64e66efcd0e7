import type { ParameterModel } from './model';

const PARAM_PREFIX = 'param_';

/** What a quick-create link prefills in the launch form. */
export interface QuickCreateParams {
  readonly stackName?: string;
  /** Values by parameter key, as written in the link. */
  readonly values: Readonly<Record<string, string>>;
  /** Keys of `param_` entries left out: not in the template, or NoEcho (never in links). */
  readonly ignored: readonly string[];
}

/**
 * Builds a quick-create link such as `/launch?stackName=jenkins&param_AgentInstanceCap=20`
 * in the CloudFormation console's style, for the form's current values. NoEcho values are
 * never written into a link; values equal to the template's Default and keys the template
 * does not declare are left out, so the link carries only real choices.
 */
export function quickCreateLink(
  base: string,
  stackName: string | undefined,
  values: Readonly<Record<string, string | undefined>>,
  model: ParameterModel,
): string {
  const query = new URLSearchParams();
  if (stackName !== undefined && stackName !== '') query.set('stackName', stackName);

  for (const parameter of model.parameters) {
    const value = values[parameter.key];
    if (parameter.noEcho || value === undefined || value === parameter.default) continue;
    query.set(`${PARAM_PREFIX}${parameter.key}`, value);
  }

  const text = query.toString();
  if (text === '') return base;
  return `${base}${base.includes('?') ? '&' : '?'}${text}`;
}

/**
 * Reads the prefill of a quick-create link (`stackName` and `param_<Key>` entries) against a
 * template's model. Values are returned as written, for the validator to judge like typed
 * input; NoEcho keys and keys the template does not declare are ignored and listed. Takes
 * URLSearchParams, a query string, or the `searchParams` object a Next.js page receives.
 */
export function readQuickCreateParams(
  searchParams: URLSearchParams | string | Readonly<Record<string, QueryValue>>,
  model: ParameterModel,
): QuickCreateParams {
  const query = toSearchParams(searchParams);
  const byKey = new Map(model.parameters.map((parameter) => [parameter.key, parameter]));
  const values: Record<string, string> = {};
  const ignored: string[] = [];

  for (const [name, value] of query) {
    if (!name.startsWith(PARAM_PREFIX)) continue;
    const key = name.slice(PARAM_PREFIX.length);
    const parameter = byKey.get(key);
    if (parameter === undefined || parameter.noEcho) {
      if (!ignored.includes(key)) ignored.push(key);
      continue;
    }
    // The first occurrence wins, as URLSearchParams.get would have it.
    if (!Object.hasOwn(values, key)) values[key] = value;
  }

  const stackName = query.get('stackName') ?? undefined;
  return stackName === undefined || stackName === ''
    ? { values, ignored }
    : { stackName, values, ignored };
}

/** One entry of the `searchParams` object Next.js hands a page. */
type QueryValue = string | readonly string[] | undefined;

function toSearchParams(
  searchParams: URLSearchParams | string | Readonly<Record<string, QueryValue>>,
): URLSearchParams {
  if (searchParams instanceof URLSearchParams) return searchParams;
  if (typeof searchParams === 'string') return new URLSearchParams(searchParams);

  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    for (const item of typeof value === 'string' ? [value] : (value ?? []))
      query.append(name, item);
  }
  return query;
}
