import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { DescribeClustersCommand } from '@aws-sdk/client-ecs';
import { DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListHostedZonesCommand } from '@aws-sdk/client-route-53';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '@/lib/aws/clients';
import { awsFailureReason, explainAwsError, failedOperation } from '@/lib/aws/errors';
import { startTestSandbox, type TestSandbox } from '@/test/support/sandbox';

let env: TestSandbox | undefined;

function sandbox(): TestSandbox {
  if (env === undefined) throw new Error('the sandbox did not start');
  return env;
}

/** One read call per service the dashboard uses, through its real SDK clients. */
const READS: Record<string, (clients: AwsClients) => Promise<unknown>> = {
  cloudformation: (c) => c.cloudformation.send(new DescribeStacksCommand({})),
  ec2: (c) => c.ec2.send(new DescribeInstancesCommand({})),
  ecs: (c) => c.ecs.send(new DescribeClustersCommand({ clusters: ['jenkins'] })),
  elasticloadbalancing: (c) => c.elbv2.send(new DescribeTargetGroupsCommand({})),
  ssm: (c) => c.ssm.send(new GetParameterCommand({ Name: '/jenkins-on-aws/x' })),
  route53: (c) => c.route53.send(new ListHostedZonesCommand({})),
};

const OPERATION: Record<string, string> = {
  cloudformation: 'DescribeStacks',
  ec2: 'DescribeInstances',
  ecs: 'DescribeClusters',
  elasticloadbalancing: 'DescribeTargetGroups',
  ssm: 'GetParameter',
  route53: 'ListHostedZones',
};

async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

describe('AWS errors as the operator reads them', () => {
  beforeAll(async () => {
    env = await startTestSandbox({ seed: 61 });
  });
  afterEach(() => sandbox().sandbox.control.clearFaults());
  afterAll(() => env?.close());

  it.each(Object.keys(READS))(
    'names the %s action AWS denied, never the role session',
    async (service) => {
      await sandbox().sandbox.control.setFaults([{ service, deny: 'access' }]);
      const error = await failure(READS[service]!(sandbox().clients));
      const action = `${service}:${OPERATION[service]}`;

      expect(failedOperation(error)).toBe(action);
      const explained = explainAwsError(error);
      expect(explained?.code).toBe('forbidden:aws_permission');
      expect(explained?.status).toBe(403);
      expect(explained?.message).toContain(`AWS denied ${action}:`);
      expect(explained?.message).toContain('dashboard-policy.json');
      expect(explained?.message).not.toMatch(/sts::|assumed-role/);
      expect(explained?.details).toEqual({ action });
    },
  );

  it.each(Object.keys(READS))('says the %s credentials were refused', async (service) => {
    await sandbox().sandbox.control.setFaults([{ service, deny: 'credentials' }]);
    const explained = explainAwsError(await failure(READS[service]!(sandbox().clients)));

    expect(explained?.code).toBe('unavailable:aws_credentials');
    expect(explained?.status).toBe(503);
    expect(explained?.message).toMatch(
      /^AWS did not accept the dashboard’s credentials \((InvalidClientTokenId|AuthFailure|UnrecognizedClientException)\)\. Check /,
    );
  });

  it('points a denial on a stack at the stack-name prefix of the shipped policy', () => {
    const error = Object.assign(
      new Error(
        'User: arn:aws:sts::123456789012:assumed-role/dash/i-0abc is not authorized to perform: cloudformation:CreateChangeSet on resource: arn:aws:cloudformation:eu-west-1:123456789012:stack/ci-prod/* because no identity-based policy allows the cloudformation:CreateChangeSet action',
      ),
      { name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 } },
    );
    const explained = explainAwsError(error);

    expect(explained?.message).toBe(
      'AWS denied cloudformation:CreateChangeSet on arn:aws:cloudformation:eu-west-1:123456789012:stack/ci-prod/*: the dashboard’s IAM role does not allow it. The shipped policy (deploy/iam/dashboard-policy.json) changes only stacks whose names start with its StackNamePrefix, jenkins- by default: use such a name, or widen the role.',
    );
    expect(explained?.details).toEqual({
      action: 'cloudformation:CreateChangeSet',
      resource: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/ci-prod/*',
    });
  });

  it('asks for a retry when AWS failed on its side', async () => {
    await sandbox().sandbox.control.setFaults([
      { service: 'ecs', errorPercent: 100, errorStatus: 503 },
    ]);
    const clients = createAwsClients({
      region: 'eu-west-1',
      endpoint: sandbox().sandbox.url,
      credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
      maxAttempts: 1,
    });
    const explained = explainAwsError(await failure(READS.ecs!(clients)));

    expect(explained?.code).toBe('unavailable:aws');
    expect(explained?.message).toBe(
      'AWS (ecs) failed on its side (ServiceUnavailable); try again shortly.',
    );
  });

  it('says AWS could not be reached when nothing answers', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const clients = createAwsClients({
      region: 'eu-west-1',
      endpoint: `http://127.0.0.1:${closedPort}`,
      credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
      maxAttempts: 1,
    });
    const explained = explainAwsError(await failure(READS.cloudformation!(clients)));

    expect(explained?.code).toBe('unavailable:aws');
    expect(explained?.message).toBe(
      'AWS (cloudformation) could not be reached (ECONNREFUSED); try again shortly.',
    );
  });

  it('tells throttling that outlasted the retries from the rest, with a wait', () => {
    const error = Object.assign(new Error('Rate exceeded'), {
      name: 'Throttling',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    const explained = explainAwsError(error);

    expect(explained?.code).toBe('rate_limited:aws');
    expect(explained?.status).toBe(429);
    expect(explained?.details?.retryAfterSeconds).toBe(5);
  });

  it('knows expired session credentials and an empty provider chain', () => {
    const expired = Object.assign(
      new Error('The security token included in the request is expired'),
      { name: 'ExpiredToken', $fault: 'client', $metadata: { httpStatusCode: 400 } },
    );
    const none = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });

    expect(explainAwsError(expired)?.code).toBe('unavailable:aws_credentials');
    expect(explainAwsError(none)?.message).toContain('(CredentialsProviderError)');
  });

  it('leaves other failures to their callers, and only repeats a message it cannot explain', async () => {
    const missing = await failure(
      sandbox().clients.ssm.send(new GetParameterCommand({ Name: '/jenkins-on-aws/none' })),
    );

    expect(explainAwsError(missing)).toBeUndefined();
    expect(explainAwsError('a string')).toBeUndefined();
    expect(awsFailureReason(missing)).toMatch(/^ParameterNotFound: /);
  });
});
