import type {
  Provisioned,
  ResourceProvider,
  ResourceRequest,
  Settlement,
} from '@/sandbox/core/provider';
import type { SimulationClock } from '@/sandbox/core/simulation';
import type { CallContext } from '@/sandbox/core/types';
import { createCloudFormation } from '@/sandbox/cloudformation';
import { AMI_PATH, SCALE_PARAMETERS, SCALE_TEMPLATE } from './fixtures';

/** A simulation clock the test advances by hand, one simulated second per tick. */
export class FakeClock implements SimulationClock {
  private time = Date.UTC(2024, 4, 1, 10, 0, 0);
  private readonly steps: ((now: number) => void)[] = [];

  now(): number {
    return this.time;
  }

  onTick(step: (now: number) => void): void {
    this.steps.push(step);
  }

  advance(milliseconds: number): void {
    for (let passed = 0; passed < milliseconds; passed += 1_000) {
      this.time += 1_000;
      for (const step of this.steps) step(this.time);
    }
  }
}

/** A provider that records what the engine asked and can be told to fail or stay pending. */
export class FakeProvider implements ResourceProvider {
  readonly calls: { action: string; logicalId: string; properties: unknown }[] = [];
  failCreate?: string;
  failUpdate?: string;
  pending = new Set<string>();
  private counter = 0;

  create(request: ResourceRequest): Provisioned {
    this.calls.push({
      action: 'create',
      logicalId: request.logicalId,
      properties: request.properties,
    });
    if (this.failCreate) throw new Error(this.failCreate);
    this.counter += 1;
    const physicalId = `${request.logicalId.toLowerCase()}-${this.counter}`;
    return { physicalId, attributes: { Arn: `arn:aws:fake:::${physicalId}`, Name: physicalId } };
  }

  update(request: ResourceRequest & { physicalId: string }): Provisioned {
    this.calls.push({
      action: 'update',
      logicalId: request.logicalId,
      properties: request.properties,
    });
    if (this.failUpdate) throw new Error(this.failUpdate);
    return {
      physicalId: request.physicalId,
      attributes: { Arn: `arn:aws:fake:::${request.physicalId}` },
    };
  }

  delete(request: ResourceRequest & { physicalId: string }): void {
    this.calls.push({
      action: 'delete',
      logicalId: request.logicalId,
      properties: request.physicalId,
    });
  }

  settle(physicalId: string): Settlement {
    return this.pending.has(physicalId) ? { state: 'pending' } : { state: 'settled' };
  }
}

/** Handler answers are SDK-shaped plain objects that tests read freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answer = any;

export const REGION = 'eu-west-1';
export const ACCOUNT = '123456789012';

/** The CloudFormation engine with fakes around it, driven through its operation handlers. */
export function cloudFormationHarness(
  options: { providers?: Record<string, ResourceProvider>; ssm?: Record<string, string> } = {},
) {
  const clock = new FakeClock();
  const ssm = new Map(Object.entries(options.ssm ?? {}));
  const existing = new Set(['vpc-1', 'subnet-a', 'subnet-b', 'jenkins-key']);
  const state: Record<string, unknown> = {};
  const cloudFormation = createCloudFormation({
    clock,
    providers: new Map(Object.entries(options.providers ?? {})),
    accountId: ACCOUNT,
    ssmParameter: (_region, name) => ssm.get(name),
    resourceExists: (_region, _type, value) => existing.has(value),
    availabilityZones: (region) => [`${region}a`, `${region}b`, `${region}c`],
    state,
  });
  const context: CallContext = {
    requestId: 'request-1',
    region: REGION,
    accountId: ACCOUNT,
    accessKeyId: 'sandbox',
  };

  async function call(operation: string, input: Record<string, unknown> = {}): Promise<Answer> {
    const handler = cloudFormation.service.operations[operation];
    if (!handler) throw new Error(`no handler for ${operation}`);
    return handler(input, context);
  }

  async function status(stackName: string): Promise<string> {
    const answer = await call('DescribeStacks', { StackName: stackName });
    return answer.Stacks[0].StackStatus as string;
  }

  /** Advances simulated time until the stack leaves every *_IN_PROGRESS status. */
  async function settle(stackName: string): Promise<string> {
    for (let second = 0; second < 600; second += 1) {
      const current = await status(stackName);
      if (!current.endsWith('_IN_PROGRESS') || current === 'REVIEW_IN_PROGRESS') return current;
      clock.advance(1_000);
    }
    throw new Error(`${stackName} never settled`);
  }

  /** Every event of a stack, oldest first, as `Logical STATUS`. */
  async function events(stackName: string): Promise<string[]> {
    const all: Answer[] = [];
    let token: string | undefined;
    do {
      const answer = await call('DescribeStackEvents', { StackName: stackName, NextToken: token });
      all.push(...answer.StackEvents);
      token = answer.NextToken;
    } while (token);
    return all.reverse().map((event) => `${event.LogicalResourceId} ${event.ResourceStatus}`);
  }

  return { cloudFormation, clock, ssm, existing, state, call, status, settle, events };
}

/** Expects the call to be refused with an AWS error code and message. */
export async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const failure = error as { code: string; message: string };
    return { code: failure.code, message: failure.message };
  }
  throw new Error('expected the call to be refused');
}

/** The scale-limits fixture stack `jenkins-ctl`, created and settled, its SSM provider exposed. */
export async function deployedScaleStack() {
  const ssmProvider = new FakeProvider();
  const harness = cloudFormationHarness({
    providers: { 'AWS::SSM::Parameter': ssmProvider },
    ssm: { [AMI_PATH]: 'ami-0aaa1111aaaa1111a' },
  });
  await harness.call('CreateStack', {
    StackName: 'jenkins-ctl',
    TemplateBody: SCALE_TEMPLATE,
    Parameters: SCALE_PARAMETERS,
  });
  await harness.settle('jenkins-ctl');
  return { ...harness, ssmProvider };
}
