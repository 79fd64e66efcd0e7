import 'server-only';
import { z } from 'zod';
import { AppError } from './errors';
import { REGION_PATTERN } from './stacks/names';

/**
 * The dashboard's own settings, each one environment variable, validated once at first use
 * so that a wrong value stops the server with a message naming the variable. AWS settings
 * (credentials, AWS_PROFILE, AWS_ENDPOINT_URL) are read by the SDK's standard chain.
 */
export interface DashboardConfig {
  /** Regions whose stacks the overview lists; the first is the default for new stacks. */
  readonly regions: readonly [string, ...string[]];
  /** The AWS endpoint override, when one is set (the local sandbox, another emulator). */
  readonly endpointUrl: string | undefined;
  /**
   * The prefix every stack this dashboard launches must have, when its IAM role allows no
   * others (the role template's StackNamePrefix); undefined lets any name through.
   */
  readonly stackNamePrefix: string | undefined;
}

const schema = z.object({
  AWS_REGION: z
    .string({
      error: 'AWS_REGION is not set: set it to the region of your Jenkins stacks, e.g. eu-west-1.',
    })
    .regex(REGION_PATTERN, 'AWS_REGION must be a region name such as eu-west-1.'),
  DASHBOARD_REGIONS: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return undefined;
      const regions = value.split(',').map((region) => region.trim());
      const bad = regions.filter((region) => !REGION_PATTERN.test(region));
      if (bad.length > 0) {
        context.addIssue({
          code: 'custom',
          message: `DASHBOARD_REGIONS holds ${bad.map((r) => `"${r}"`).join(', ')}, which ${bad.length === 1 ? 'is not a region name' : 'are not region names'}; write a comma-separated list such as eu-west-1,us-east-1.`,
        });
        return z.NEVER;
      }
      return [...new Set(regions)];
    }),
  AWS_ENDPOINT_URL: z
    .url({ error: 'AWS_ENDPOINT_URL must be a URL such as http://127.0.0.1:4599.' })
    .optional(),
  DASHBOARD_STACK_NAME_PREFIX: z
    .string()
    .regex(
      /^[A-Za-z][-A-Za-z0-9]{0,63}$/,
      'DASHBOARD_STACK_NAME_PREFIX must start a stack name: a letter, then letters, digits and hyphens, such as jenkins-.',
    )
    .optional(),
});

/** Reads and validates the configuration from an environment (process.env by default). */
export function readConfig(env: Record<string, string | undefined> = process.env): DashboardConfig {
  const parsed = schema.safeParse({
    AWS_REGION: env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
    DASHBOARD_REGIONS: env.DASHBOARD_REGIONS,
    AWS_ENDPOINT_URL: env.AWS_ENDPOINT_URL || undefined,
    DASHBOARD_STACK_NAME_PREFIX: env.DASHBOARD_STACK_NAME_PREFIX || undefined,
  });
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => issue.message).join(' ');
    throw new AppError('internal:config', `Configuration error: ${message}`);
  }
  const { AWS_REGION, DASHBOARD_REGIONS, AWS_ENDPOINT_URL, DASHBOARD_STACK_NAME_PREFIX } =
    parsed.data;
  const regions = DASHBOARD_REGIONS ?? [AWS_REGION];
  const ordered = regions.includes(AWS_REGION) ? regions : [AWS_REGION, ...regions];
  return {
    regions: [ordered[0] ?? AWS_REGION, ...ordered.slice(1)],
    endpointUrl: AWS_ENDPOINT_URL,
    stackNamePrefix: DASHBOARD_STACK_NAME_PREFIX,
  };
}

let cached: DashboardConfig | undefined;

/** The process's configuration, read once. */
export function config(): DashboardConfig {
  cached ??= readConfig();
  return cached;
}
