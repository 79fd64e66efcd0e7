import 'server-only';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { Route53Client } from '@aws-sdk/client-route-53';
import { SSMClient } from '@aws-sdk/client-ssm';

/** The SDK clients for one region, all built from one configuration. */
export interface AwsClients {
  readonly region: string;
  readonly cloudformation: CloudFormationClient;
  readonly ec2: EC2Client;
  readonly ecs: ECSClient;
  readonly elbv2: ElasticLoadBalancingV2Client;
  readonly ssm: SSMClient;
  readonly route53: Route53Client;
}

export interface AwsClientOptions {
  readonly region: string;
  /** Overrides the endpoint; without it the SDK honours AWS_ENDPOINT_URL itself. */
  readonly endpoint?: string;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
  readonly maxAttempts?: number;
}

/**
 * Builds one region's clients. Adaptive retry with extra attempts keeps status polling alive
 * through throttling ("Rate exceeded"), which AWS returns readily when several tools poll
 * DescribeStackEvents at once (see aws/aws-cdk#5637).
 */
export function createAwsClients(options: AwsClientOptions): AwsClients {
  const shared = {
    region: options.region,
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? 6,
    customUserAgent: 'jenkins-on-aws-dashboard/0.1',
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  };
  return {
    region: options.region,
    cloudformation: new CloudFormationClient(shared),
    ec2: new EC2Client(shared),
    ecs: new ECSClient(shared),
    elbv2: new ElasticLoadBalancingV2Client(shared),
    ssm: new SSMClient(shared),
    // Route 53 is global; its endpoint lives in us-east-1.
    route53: new Route53Client({ ...shared, region: 'us-east-1' }),
  };
}

const byRegion = new Map<string, AwsClients>();

/** The process-wide clients for a region, built once and reused by every request. */
export function awsClients(region: string): AwsClients {
  let clients = byRegion.get(region);
  if (clients === undefined) {
    clients = createAwsClients({ region });
    byRegion.set(region, clients);
  }
  return clients;
}
