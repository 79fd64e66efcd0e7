import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { Route53Client } from '@aws-sdk/client-route-53';
import { SSMClient } from '@aws-sdk/client-ssm';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '@/sandbox/index';

export const REGION = 'eu-west-1';

/** SDK clients pointed at a sandbox, built the way the dashboard builds them. */
export function clientsFor(url: string, options: { maxAttempts?: number } = {}) {
  const config = {
    endpoint: url,
    region: REGION,
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    maxAttempts: options.maxAttempts ?? 1,
  };
  return {
    cloudFormation: new CloudFormationClient(config),
    ec2: new EC2Client(config),
    ecs: new ECSClient(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
    ssm: new SSMClient(config),
    route53: new Route53Client({ ...config, region: 'us-east-1' }),
  };
}

/** A sandbox whose clock only moves when a test advances it. */
export async function pausedSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ speed: 0, seed: 7, ...options });
}
