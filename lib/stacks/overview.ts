import 'server-only';
import type { Stack } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../aws/clients';
import { describeAllStacks } from '../aws/cloudformation';
import { explainAwsError } from '../aws/errors';
import { log } from '../log';
import type { StackListing } from './views';

export type { StackListing } from './views';

/** The output every stack built from this project's template carries. */
export const TEMPLATE_MARKER_OUTPUT = 'ControlPlaneTemplate';
export const TEMPLATE_MARKER_PREFIX = 'jenkins-on-aws/';

/** Whether a stack was built from this project's template (its marker output). */
export function isJenkinsStack(stack: Stack): boolean {
  return (stack.Outputs ?? []).some(
    (output) =>
      output.OutputKey === TEMPLATE_MARKER_OUTPUT &&
      (output.OutputValue ?? '').startsWith(TEMPLATE_MARKER_PREFIX),
  );
}

/**
 * Whether a stack should be listed: built from our template, or still being created or
 * reviewed from it (outputs appear only once a create completes, so a stack whose first
 * create is running or failed is listed when its description says it is ours).
 */
function isListed(stack: Stack): boolean {
  if (isJenkinsStack(stack)) return true;
  return (stack.Description ?? '').includes('Jenkins on AWS');
}

function listing(stack: Stack, region: string): StackListing {
  const output = (key: string) => stack.Outputs?.find((o) => o.OutputKey === key)?.OutputValue;
  return {
    name: stack.StackName ?? '',
    region,
    status: stack.StackStatus ?? 'UNKNOWN',
    statusReason: stack.StackStatusReason,
    createdAt: stack.CreationTime?.toISOString(),
    updatedAt: stack.LastUpdatedTime?.toISOString(),
    jenkinsUrl: output('JenkinsUrl'),
    templateVersion: output(TEMPLATE_MARKER_OUTPUT),
  };
}

/**
 * The Jenkins stacks of every configured region: one paginated DescribeStacks per region (it
 * returns outputs, so no call per stack), the regions in parallel. A region that fails is
 * reported beside the others instead of failing the whole overview.
 */
export async function listJenkinsStacks(
  regions: readonly string[],
  clientsFor: (region: string) => AwsClients,
): Promise<{ stacks: StackListing[]; regionErrors: { region: string; message: string }[] }> {
  const results = await Promise.allSettled(
    regions.map(async (region) => {
      const stacks = await describeAllStacks(clientsFor(region));
      return stacks.filter(isListed).map((stack) => listing(stack, region));
    }),
  );
  const stacks: StackListing[] = [];
  const regionErrors: { region: string; message: string }[] = [];
  results.forEach((result, index) => {
    const region = regions[index] ?? '';
    if (result.status === 'fulfilled') stacks.push(...result.value);
    else {
      log.warn({ err: result.reason, region }, 'listing stacks failed');
      regionErrors.push({
        region,
        message:
          explainAwsError(result.reason)?.message ??
          (result.reason instanceof Error ? result.reason.message : String(result.reason)),
      });
    }
  });
  stacks.sort((a, b) => a.name.localeCompare(b.name) || a.region.localeCompare(b.region));
  return { stacks, regionErrors };
}
