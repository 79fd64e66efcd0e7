import { parse } from 'yaml';
import type { AgentSettings, RegionState, Tag } from '../world/state';

/** The SSM parameters read when no JCasC file is available, under the stack's prefix. */
const FALLBACK_KEYS = {
  cap: 'agent-cap',
  warm: 'warm-agents',
  idle: 'idle-minutes',
  type: 'agent-instance-type',
  ami: 'agent-ami',
} as const;

/** Where the controller's environment and SSM store come from. */
export interface SettingsSources {
  /** The task definition's container environment (name → value). */
  readonly environment: Readonly<Record<string, string>>;
  readonly region: RegionState;
  /** The text of jenkins/casc.yaml, or undefined when it is not there. */
  readonly cascText: string | undefined;
  readonly now: number;
}

export type SettingsRead =
  | { readonly ok: true; readonly settings: AgentSettings }
  | { readonly ok: false; readonly problem: string };

/**
 * Reads the EC2 cloud's scale limits the way the real controller does: from the amazonEC2 cloud
 * in the JCasC file, resolving `${NAME}` from the task's environment (UPPER_CASE) and from SSM
 * parameters under `CASC_SSM_PREFIX` / `SCALE_SETTINGS_PREFIX` (as the configuration-as-code
 * SSM secret source does). Without a JCasC file it reads the SSM parameters under the prefix
 * directly. An unresolved variable fails the read, like JCasC's strict secret resolution.
 */
export function readAgentSettings(sources: SettingsSources): SettingsRead {
  const prefix = sources.environment.CASC_SSM_PREFIX ?? sources.environment.SCALE_SETTINGS_PREFIX;
  const resolve = (text: unknown): string => resolveVariables(String(text ?? ''), sources, prefix);

  try {
    const cloud = sources.cascText === undefined ? undefined : findEc2Cloud(sources.cascText);
    if (cloud)
      return {
        ok: true,
        settings: {
          ...fromCasc(cloud.cloud, cloud.template, cloud.url, resolve, sources.now),
          // Rendered with the same values, as Jenkins shows it after loading the file.
          ...(cloud.systemMessage === undefined
            ? {}
            : { systemMessage: resolve(cloud.systemMessage) }),
        },
      };
    if (prefix === undefined)
      return { ok: false, problem: 'No JCasC amazonEC2 cloud and no SSM prefix' };
    return { ok: true, settings: fromSsm(prefix, sources) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

interface Ec2Cloud {
  cloud: Record<string, unknown>;
  template: Record<string, unknown>;
  url: unknown;
  systemMessage: unknown;
}

function findEc2Cloud(text: string): Ec2Cloud | undefined {
  const document = parse(text) as Record<string, unknown> | null;
  const jenkins = (document?.jenkins ?? {}) as Record<string, unknown>;
  const clouds = Array.isArray(jenkins.clouds) ? (jenkins.clouds as Record<string, unknown>[]) : [];
  const cloud = clouds
    .map((entry) => entry?.amazonEC2)
    .find((entry) => typeof entry === 'object' && entry !== null) as
    Record<string, unknown> | undefined;
  if (!cloud) return undefined;
  const templates = Array.isArray(cloud.templates)
    ? (cloud.templates as Record<string, unknown>[])
    : [];
  const unclassified = (document?.unclassified ?? {}) as Record<
    string,
    Record<string, unknown> | undefined
  >;
  return {
    cloud,
    template: templates[0] ?? {},
    url: unclassified.location?.url,
    systemMessage: jenkins.systemMessage,
  };
}

function fromCasc(
  cloud: Record<string, unknown>,
  template: Record<string, unknown>,
  url: unknown,
  resolve: (text: unknown) => string,
  now: number,
): AgentSettings {
  const caps = [cloud.instanceCapStr, template.instanceCapStr]
    .filter((value) => value !== undefined)
    .map((value) => capOf(resolve(value)));
  const tags = Array.isArray(template.tags)
    ? (template.tags as Record<string, unknown>[]).map((tag): Tag => ({
        Key: resolve(tag.name),
        Value: resolve(tag.value),
      }))
    : [];
  return {
    source: 'casc',
    cloudName: resolve(cloud.name),
    templateDescription: resolve(template.description ?? 'agent'),
    instanceCap: Math.min(Number.MAX_SAFE_INTEGER, ...caps),
    warmAgents: integerOf(
      resolve(template.minimumNumberOfInstances ?? '0'),
      'minimumNumberOfInstances',
    ),
    idleMinutes: integerOf(
      resolve(template.idleTerminationMinutes ?? '30'),
      'idleTerminationMinutes',
    ),
    instanceType: instanceTypeOf(resolve(template.type ?? 't3.large')),
    amiId: resolve(template.ami),
    numExecutors: Math.max(1, integerOf(resolve(template.numExecutors ?? '1'), 'numExecutors')),
    labels: resolve(template.labelString ?? ''),
    tags,
    subnetIds: splitList(resolve(template.subnetId ?? '')),
    securityGroupIds: splitList(resolve(template.securityGroups ?? '')),
    instanceProfileArn:
      template.iamInstanceProfile === undefined ? undefined : resolve(template.iamInstanceProfile),
    jenkinsUrl: url === undefined ? undefined : resolve(url),
    readAt: now,
  };
}

function fromSsm(prefix: string, sources: SettingsSources): AgentSettings {
  const read = (key: string): string | undefined =>
    sources.region.parameters[`${prefix}${key}`]?.value;
  const required = (key: string): string => {
    const value = read(key);
    if (value === undefined) throw new Error(`SSM parameter ${prefix}${key} not found`);
    return value;
  };
  const stackName = sources.environment.STACK_NAME;
  return {
    source: 'ssm',
    cloudName: sources.environment.AGENT_CLOUD_NAME ?? `${stackName ?? 'jenkins'}-agents`,
    templateDescription: 'linux',
    instanceCap: capOf(required(FALLBACK_KEYS.cap)),
    warmAgents: integerOf(read(FALLBACK_KEYS.warm) ?? '0', FALLBACK_KEYS.warm),
    idleMinutes: integerOf(read(FALLBACK_KEYS.idle) ?? '30', FALLBACK_KEYS.idle),
    instanceType: read(FALLBACK_KEYS.type) ?? 't3.large',
    amiId: read(FALLBACK_KEYS.ami) ?? '',
    numExecutors: 1,
    labels: 'linux',
    tags: stackName
      ? [
          { Key: 'jenkins-on-aws:stack', Value: stackName },
          { Key: 'Name', Value: `${stackName}-agent` },
        ]
      : [],
    subnetIds: splitList(read('agent-subnets') ?? ''),
    securityGroupIds: splitList(read('agent-security-group') ?? ''),
    instanceProfileArn: read('agent-instance-profile'),
    jenkinsUrl: read('jenkins-url'),
    readAt: sources.now,
  };
}

/** `${NAME}` and `${NAME:-default}`; `^${NAME}` is JCasC's escape for a literal `${NAME}`. */
function resolveVariables(
  text: string,
  sources: SettingsSources,
  prefix: string | undefined,
): string {
  return text.replace(
    /(\^?)\$\{([^}:]+)(?::-([^}]*))?\}/g,
    (whole, escape: string, name: string, fallback?: string) => {
      if (escape) return whole.slice(1);
      const value =
        sources.environment[name] ??
        (prefix === undefined ? undefined : sources.region.parameters[`${prefix}${name}`]?.value) ??
        (name.startsWith('/') ? sources.region.parameters[name]?.value : undefined) ??
        fallback;
      if (value === undefined) throw new Error(`Unable to resolve \${${name}}`);
      return value;
    },
  );
}

/** The plugin's instanceCapStr: empty means unlimited, anything else must be a whole number. */
function capOf(value: string): number {
  if (value.trim() === '') return Number.MAX_SAFE_INTEGER;
  return integerOf(value, 'instanceCapStr');
}

function integerOf(value: string, field: string): number {
  const trimmed = value.trim();
  if (!/^-?\d+$/.test(trimmed)) throw new Error(`${field} is not a whole number: '${value}'`);
  return Number(trimmed);
}

/** Older JCasC exports name instance types by enum (`T3Large`); newer ones use `t3.large`. */
function instanceTypeOf(value: string): string {
  const match = /^([A-Z][a-z]*\d+[a-z]*)([A-Z]\w*)$/.exec(value);
  return match ? `${(match[1] ?? '').toLowerCase()}.${(match[2] ?? '').toLowerCase()}` : value;
}

function splitList(value: string): string[] {
  return value.split(/[\s,]+/).filter((item) => item.length > 0);
}
