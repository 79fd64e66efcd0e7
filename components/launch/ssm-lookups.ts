import type { CrossFieldCheck, ParameterModel } from '@/lib/template';

/** What GET /api/account/ssm-parameter answers for one name. */
export interface SsmParameterView {
  readonly name: string;
  readonly found: boolean;
  readonly value?: string;
  readonly type?: string;
}

/** One SSM-typed field's lookup as the form shows it next to the field. */
export type SsmResolution =
  | { readonly state: 'loading'; readonly name: string }
  | {
      readonly state: 'found';
      readonly name: string;
      readonly value: string;
      readonly type: string;
    }
  | { readonly state: 'missing'; readonly name: string }
  | { readonly state: 'failed'; readonly name: string; readonly message: string };

/** A field whose value names an SSM parameter to resolve. */
export interface SsmLookup {
  readonly key: string;
  readonly name: string;
}

// The names the server accepts; anything else is still being typed or is wrong, and the
// validator already says so.
const SSM_NAME = /^[A-Za-z0-9./_-]{1,2048}$/;

/**
 * The SSM-typed fields (`AWS::SSM::Parameter::Name`, `AWS::SSM::Parameter::Value<…>`) whose
 * current value is a name worth looking up. NoEcho fields are never looked up: their value is
 * a secret the form does not echo, not even resolved.
 */
export function ssmLookups(
  model: ParameterModel,
  values: Readonly<Record<string, string>>,
): SsmLookup[] {
  return model.parameters.flatMap((parameter) => {
    const { kind } = parameter.type;
    if (parameter.noEcho || (kind !== 'ssm-value' && kind !== 'ssm-name')) return [];
    const name = (values[parameter.key] ?? '').trim();
    return SSM_NAME.test(name) ? [{ key: parameter.key, name }] : [];
  });
}

/** GET /api/account/ssm-parameter for one name in a region. */
export function ssmParameterKey(region: string, name: string): string {
  const query = new URLSearchParams({ region, name });
  return `/api/account/ssm-parameter?${query.toString()}`;
}

/** The sentence for an SSM name the region does not have; CloudFormation would refuse it. */
export function ssmMissingMessage(name: string, region: string): string {
  return `There is no SSM parameter named ${name} in ${region}; CloudFormation resolves it when the change set is created and would fail.`;
}

/**
 * A cross-field check that blocks every SSM-typed field whose name was looked up and not
 * found. Names still loading or whose lookup failed are not judged (the server and
 * CloudFormation check again).
 */
export function ssmCheck(
  lookups: readonly SsmLookup[],
  resolutions: Readonly<Record<string, SsmResolution>>,
  region: string,
): CrossFieldCheck {
  return () => {
    const problems: Record<string, string> = {};
    for (const { key, name } of lookups) {
      const resolution = resolutions[key];
      if (resolution?.state === 'missing' && resolution.name === name) {
        problems[key] = ssmMissingMessage(name, region);
      }
    }
    return problems;
  };
}
