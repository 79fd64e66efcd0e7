import 'server-only';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { Route53Client } from '@aws-sdk/client-route-53';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { InitializeMiddleware, Pluggable } from '@smithy/types';
import { FAILED_OPERATION } from './errors';

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
 * Marks a failed call's error with its IAM action (`ecs:DescribeServices`), which the SDK's
 * errors do not carry, so an error shown to the operator can say which call AWS refused.
 */
function nameFailedOperations<Input extends object, Output extends object>(
  iamPrefix: string,
): Pluggable<Input, Output> {
  const middleware: InitializeMiddleware<Input, Output> = (next, context) => async (args) => {
    try {
      return await next(args);
    } catch (error) {
      if (error instanceof Error && context.commandName !== undefined) {
        const action = `${iamPrefix}:${context.commandName.replace(/Command$/, '')}`;
        Object.defineProperty(error, FAILED_OPERATION, { value: action, configurable: true });
      }
      throw error;
    }
  };
  return {
    applyToStack: (stack) =>
      stack.add(middleware, { step: 'initialize', name: 'nameFailedOperations' }),
  };
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
  const clients = {
    region: options.region,
    cloudformation: new CloudFormationClient(shared),
    ec2: new EC2Client(shared),
    ecs: new ECSClient(shared),
    elbv2: new ElasticLoadBalancingV2Client(shared),
    ssm: new SSMClient(shared),
    // Route 53 is global; its endpoint lives in us-east-1.
    route53: new Route53Client({ ...shared, region: 'us-east-1' }),
  };
  clients.cloudformation.middlewareStack.use(nameFailedOperations('cloudformation'));
  clients.ec2.middlewareStack.use(nameFailedOperations('ec2'));
  clients.ecs.middlewareStack.use(nameFailedOperations('ecs'));
  clients.elbv2.middlewareStack.use(nameFailedOperations('elasticloadbalancing'));
  clients.ssm.middlewareStack.use(nameFailedOperations('ssm'));
  clients.route53.middlewareStack.use(nameFailedOperations('route53'));
  return clients;
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
