import { describe, expect, it } from 'vitest';
import { AMI_PATH, SCALE_PARAMETERS, SCALE_TEMPLATE } from './fixtures';
import { cloudFormationHarness, FakeProvider } from './harness';

function launched() {
  const ssmProvider = new FakeProvider();
  const harness = cloudFormationHarness({
    providers: { 'AWS::SSM::Parameter': ssmProvider },
    ssm: { [AMI_PATH]: 'ami-0aaa1111aaaa1111a' },
  });
  return { ...harness, ssmProvider };
}

describe('stack lifecycle', () => {
  it('creates resources in dependency order over simulated time and publishes outputs', async () => {
    const { call, settle, events, clock } = launched();
    const started = clock.now();
    await call('CreateStack', {
      StackName: 'jenkins-ctl',
      TemplateBody: SCALE_TEMPLATE,
      Parameters: SCALE_PARAMETERS,
      ClientRequestToken: 'dash-create-1',
    });

    expect(await settle('jenkins-ctl')).toBe('CREATE_COMPLETE');
    expect(clock.now() - started).toBeGreaterThanOrEqual(8_000);
    const history = await events('jenkins-ctl');
    expect(history[0]).toBe('jenkins-ctl CREATE_IN_PROGRESS');
    expect(history.at(-1)).toBe('jenkins-ctl CREATE_COMPLETE');
    expect(history.indexOf('TaskDefinition CREATE_COMPLETE')).toBeLessThan(
      history.indexOf('Service CREATE_IN_PROGRESS'),
    );
    expect(history).not.toContain('Record CREATE_IN_PROGRESS');
    const stack = (await call('DescribeStacks', { StackName: 'jenkins-ctl' })).Stacks[0];
    expect(stack.Outputs).toContainEqual(
      expect.objectContaining({ OutputKey: 'ServiceName', ExportName: 'jenkins-ctl-service' }),
    );
  });

  it('stamps every event of an operation with its ClientRequestToken', async () => {
    const { call, settle } = launched();
    await call('CreateStack', {
      StackName: 'jenkins-ctl',
      TemplateBody: SCALE_TEMPLATE,
      Parameters: SCALE_PARAMETERS,
      ClientRequestToken: 'dash-create-1',
    });
    await settle('jenkins-ctl');
    const answer = await call('DescribeStackEvents', { StackName: 'jenkins-ctl' });
    const tokens = new Set(
      answer.StackEvents.map((event: { ClientRequestToken: string }) => event.ClientRequestToken),
    );
    expect([...tokens]).toEqual(['dash-create-1']);
  });
});
