import 'server-only';
import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type TargetGroup,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsClients } from './clients';

/** DescribeTargetHealth for one target group (not paginated by AWS). */
export async function describeTargetHealth(
  clients: AwsClients,
  targetGroupArn: string,
): Promise<TargetHealthDescription[]> {
  const output = await clients.elbv2.send(
    new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }),
  );
  return output.TargetHealthDescriptions ?? [];
}

/** DescribeTargetGroups for one target group: its health-check settings. */
export async function describeTargetGroup(
  clients: AwsClients,
  targetGroupArn: string,
): Promise<TargetGroup | undefined> {
  const output = await clients.elbv2.send(
    new DescribeTargetGroupsCommand({ TargetGroupArns: [targetGroupArn] }),
  );
  return output.TargetGroups?.[0];
}
