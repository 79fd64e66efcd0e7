import { readFileSync } from 'node:fs';
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
  type Capability,
  type Parameter,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import { DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { parameterModel, readTemplateText } from '@/lib/template';
import type { RunningSandbox } from '@/sandbox/index';
import { clientsFor } from '../support';

/** The project's template, deployed as the dashboard deploys it. */
export const JENKINS_TEMPLATE = readFileSync('cloudformation/jenkins.yaml', 'utf8');

/** What the bundled template needs acknowledged (it names no IAM resources). */
export const JENKINS_CAPABILITIES: Capability[] = ['CAPABILITY_IAM'];

/** An AWS SDK v3 error as the dashboard meets it. */
export type SdkRefusal = Error & { $metadata: { httpStatusCode?: number }; Code?: string };

/** Awaits a call that must fail and hands back the SDK's error for assertions. */
export async function refusal(promise: Promise<unknown>): Promise<SdkRefusal> {
  try {
    await promise;
  } catch (error) {
    return error as SdkRefusal;
  }
  throw new Error('expected the call to be refused');
}

/**
 * Advances the sandbox clock through its control API until the stack's status no longer ends
 * in `_IN_PROGRESS`, and answers the stack as DescribeStacks shows it then. Polls by stack id
 * when given one, since a deleted stack is only found by id.
 */
export async function settle(
  sandbox: RunningSandbox,
  cloudFormation: CloudFormationClient,
  stackNameOrId: string,
  stepMs = 10_000,
): Promise<Stack> {
  const realDeadline = Date.now() + SETTLE_REAL_MS;
  for (let step = 0; Date.now() < realDeadline; step++) {
    const stack = (
      await cloudFormation.send(new DescribeStacksCommand({ StackName: stackNameOrId }))
    ).Stacks?.[0];
    if (stack && !stack.StackStatus?.endsWith('_IN_PROGRESS')) return stack;
    await sandbox.control.advance(stepMs);
    await realTimeAfter(step);
  }
  throw new Error(`${stackNameOrId} never left *_IN_PROGRESS`);
}

const SETTLE_REAL_MS = 60_000;

/**
 * A custom resource's function runs in real time (a worker starting, its SDK calls, its own
 * sleeps) however fast the simulated clock moves: past the steps any other stack needs,
 * give it real milliseconds between steps.
 */
export async function realTimeAfter(step: number): Promise<void> {
  if (step >= 100) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Parameters for the bundled template from the seeded account: one subnet list per role. */
export async function jenkinsParameters(
  ec2: EC2Client,
  overrides: Record<string, string> = {},
): Promise<Parameter[]> {
  const vpcs = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
  const vpcId = vpcs.find((vpc) => vpc.IsDefault !== true)?.VpcId ?? '';
  const subnets =
    (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })))
      .Subnets ?? [];
  const ids = (isPublic: boolean) =>
    subnets
      .filter((subnet) => subnet.MapPublicIpOnLaunch === isPublic)
      .map((subnet) => subnet.SubnetId)
      .join(',');
  const values: Record<string, string> = {
    VpcId: vpcId,
    LoadBalancerSubnets: ids(true),
    ServiceSubnets: ids(false),
    AllowedCidr: '0.0.0.0/0',
    JenkinsAdminPassword: 'correct-horse-battery-1',
    ControllerImage: 'jenkins/jenkins:lts-jdk21',
    ...overrides,
  };
  return Object.entries(values).map(([ParameterKey, ParameterValue]) => ({
    ParameterKey,
    ParameterValue,
  }));
}

/** Every parameter of the bundled template kept as deployed, except the ones given. */
export function scaleEdit(changed: Record<string, string>): Parameter[] {
  // Read from the template itself, so a parameter added to it is kept as deployed too.
  const keys = parameterModel(readTemplateText(JENKINS_TEMPLATE)).parameters.map((p) => p.key);
  return keys.map((key) => {
    const value = changed[key];
    return value === undefined
      ? { ParameterKey: key, UsePreviousValue: true }
      : { ParameterKey: key, ParameterValue: value };
  });
}

/** Creates a stack of the bundled template through the SDK and waits until it settles. */
export async function deployJenkins(
  sandbox: RunningSandbox,
  clients: ReturnType<typeof clientsFor>,
  stackName: string,
  options: { token?: string; overrides?: Record<string, string> } = {},
): Promise<Stack> {
  await clients.cloudFormation.send(
    new CreateStackCommand({
      StackName: stackName,
      TemplateBody: JENKINS_TEMPLATE,
      Parameters: await jenkinsParameters(clients.ec2, options.overrides),
      Capabilities: JENKINS_CAPABILITIES,
      ClientRequestToken: options.token,
    }),
  );
  return settle(sandbox, clients.cloudFormation, stackName, 15_000);
}

/** The output value of a described stack. */
export function outputOf(stack: Stack, key: string): string {
  const value = stack.Outputs?.find((output) => output.OutputKey === key)?.OutputValue;
  if (value === undefined) throw new Error(`stack has no output ${key}`);
  return value;
}

/** CloudFormation and EC2 clients for another region of the same sandbox (state is per region). */
export function regionalClients(url: string, region: string) {
  const config = {
    endpoint: url,
    region,
    credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    maxAttempts: 1,
  };
  return { cloudFormation: new CloudFormationClient(config), ec2: new EC2Client(config) };
}
