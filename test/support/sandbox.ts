import { createAwsClients, type AwsClients } from '@/lib/aws/clients';
import { describeStack } from '@/lib/aws/cloudformation';
import { describeSubnets, describeVpcs } from '@/lib/aws/ec2';
import { executeLaunch, proposeLaunch } from '@/lib/stacks/launch';
import { isInProgress } from '@/lib/stacks/status';
import { startSandbox, type RunningSandbox } from '@/sandbox/index';

/** A sandbox for one test file, with the dashboard's real SDK clients pointed at it over HTTP. */
export interface TestSandbox {
  readonly sandbox: RunningSandbox;
  readonly clients: AwsClients;
  close(): Promise<void>;
}

export async function startTestSandbox(
  options: { speed?: number; seed?: number } = {},
): Promise<TestSandbox> {
  const sandbox = await startSandbox({
    port: 0,
    speed: options.speed ?? 40,
    seed: options.seed ?? 3,
  });
  const clients = createAwsClients({
    region: 'eu-west-1',
    endpoint: sandbox.url,
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    maxAttempts: 8,
  });
  return { sandbox, clients, close: () => sandbox.close() };
}

/** Values for the bundled template's required parameters, from the sandbox's seeded account. */
export async function launchValues(clients: AwsClients): Promise<Record<string, string>> {
  const vpc = (await describeVpcs(clients))[0]?.VpcId ?? '';
  const subnets = await describeSubnets(clients, vpc);
  const oneSubnetPerZone = new Map<string, string>();
  for (const subnet of subnets) {
    if (subnet.AvailabilityZone !== undefined && !oneSubnetPerZone.has(subnet.AvailabilityZone)) {
      oneSubnetPerZone.set(subnet.AvailabilityZone, subnet.SubnetId ?? '');
    }
  }
  const ids = [...oneSubnetPerZone.values()].join(',');
  return {
    VpcId: vpc,
    LoadBalancerSubnets: ids,
    ServiceSubnets: ids,
    AllowedCidr: '0.0.0.0/0',
    JenkinsAdminPassword: 'correct-horse-battery-1',
    ControllerImage: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/jenkins-on-aws:2.568.2-1',
  };
}

/** Polls until `check` returns a value, or fails after `timeoutMs` with the last seen state. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  describe = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${describe}${last === undefined ? '' : `: ${String(last)}`}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Launches the bundled template through the dashboard's own launch code and waits for it. */
export async function launchStack(
  clients: AwsClients,
  stackName: string,
  overrides: Record<string, string> = {},
): Promise<string> {
  const values = { ...(await launchValues(clients)), ...overrides };
  const attemptId = `launch${stackName.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 32);
  const { changeSet } = await proposeLaunch(
    clients,
    {
      stackName,
      attemptId,
      values,
      tags: [],
      capabilities: ['CAPABILITY_IAM'],
      terminationProtection: false,
      rollbackOnFailure: true,
    },
    'tester',
  );
  await executeLaunch(
    clients,
    {
      stackName,
      attemptId,
      changeSetArn: changeSet.arn,
      terminationProtection: false,
      rollbackOnFailure: true,
    },
    'tester',
  );
  return eventually(
    async () => {
      const status = (await describeStack(clients, stackName))?.StackStatus;
      return status !== undefined && !isInProgress(status) ? status : undefined;
    },
    90_000,
    `${stackName} to finish creating`,
  );
}
