import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  ListChangeSetsCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AwsClients } from '@/lib/aws/clients';
import { applyScaleEdit } from '@/lib/scale/apply';
import { parameterModel, readTemplateText } from '@/lib/template';

const cloudformation = mockClient(CloudFormationClient);
const clients = {
  region: 'eu-west-1',
  cloudformation: new CloudFormationClient({ region: 'eu-west-1' }),
} as unknown as AwsClients;
const TEMPLATE = readFileSync('cloudformation/jenkins.yaml', 'utf8');
const KEYS = parameterModel(readTemplateText(TEMPLATE)).parameters.map(
  (parameter) => parameter.key,
);

function stack(status: string, cap = '10') {
  return {
    Stacks: [
      {
        StackName: 'jenkins-ctl',
        StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/jenkins-ctl/aaaa',
        StackStatus: status,
        CreationTime: new Date('2026-12-01T00:00:00Z'),
        // Every key of the deployed template, as DescribeStacks returns them (NoEcho masked).
        Parameters: KEYS.map((key) => ({
          ParameterKey: key,
          ParameterValue:
            key === 'JenkinsAdminPassword' ? '****' : key === 'AgentInstanceCap' ? cap : 'deployed',
        })),
      },
    ],
  };
}

const edit = {
  attemptId: 'guard00001',
  changes: { AgentInstanceCap: '20' },
  expected: { AgentInstanceCap: '10' },
  confirm: false,
};

describe('scale edit guards', () => {
  afterEach(() => cloudformation.reset());

  it('refuses while another operation runs, with a link to it, before any change set', async () => {
    cloudformation.on(DescribeStacksCommand).resolves(stack('UPDATE_IN_PROGRESS') as never);
    cloudformation.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    await expect(
      applyScaleEdit(clients, 'jenkins-ctl', edit, 'olivia', async () => 0),
    ).rejects.toMatchObject({
      code: 'conflict:stack_busy',
      details: { status: 'UPDATE_IN_PROGRESS', link: '/stacks/jenkins-ctl?region=eu-west-1' },
    });
    expect(cloudformation.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });

  it('refuses a stack whose status allows no update (ROLLBACK_COMPLETE, UPDATE_ROLLBACK_FAILED)', async () => {
    for (const status of ['ROLLBACK_COMPLETE', 'UPDATE_ROLLBACK_FAILED']) {
      cloudformation.on(DescribeStacksCommand).resolves(stack(status) as never);
      cloudformation.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
      await expect(
        applyScaleEdit(clients, 'jenkins-ctl', edit, 'olivia', async () => 0),
      ).rejects.toMatchObject({
        code: 'conflict:stack_busy',
      });
    }
    expect(cloudformation.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });

  it('answers a conflict with the fresh values when the deployed ones changed since the page loaded', async () => {
    cloudformation.on(DescribeStacksCommand).resolves(stack('UPDATE_COMPLETE', '12') as never);
    cloudformation.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    await expect(
      applyScaleEdit(clients, 'jenkins-ctl', edit, 'olivia', async () => 0),
    ).rejects.toMatchObject({
      code: 'conflict:scale',
      details: { fresh: { AgentInstanceCap: '12' } },
    });
    expect(cloudformation.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });

  it('treats a retry whose token is already on the stack events as the same update', async () => {
    cloudformation.on(DescribeStacksCommand).resolves(stack('UPDATE_IN_PROGRESS', '20') as never);
    cloudformation.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        {
          StackId: 'x',
          StackName: 'jenkins-ctl',
          EventId: 'e1',
          Timestamp: new Date(),
          ClientRequestToken: 'js-Olivia-guard00001-cap-10-20',
        },
      ],
    });
    await expect(
      applyScaleEdit(clients, 'jenkins-ctl', edit, 'olivia', async () => 0),
    ).resolves.toMatchObject({
      kind: 'applied',
      requestToken: 'js-Olivia-guard00001-cap-10-20',
    });
    expect(cloudformation.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
  });

  it('sends untouched parameters, the NoEcho password included, as previous values (C03)', async () => {
    cloudformation.on(DescribeStacksCommand).resolves(stack('UPDATE_COMPLETE') as never);
    cloudformation.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    cloudformation.on(GetTemplateCommand).resolves({ TemplateBody: TEMPLATE });
    cloudformation.on(ListChangeSetsCommand).resolves({ Summaries: [] });
    cloudformation
      .on(CreateChangeSetCommand)
      .rejects(Object.assign(new Error('stop here'), { name: 'StopHere' }));
    await expect(
      applyScaleEdit(clients, 'jenkins-ctl', edit, 'olivia', async () => 0),
    ).rejects.toThrow('stop here');
    const input = cloudformation.commandCalls(CreateChangeSetCommand)[0]?.args[0].input;
    expect(input?.UsePreviousTemplate).toBe(true);
    expect(input?.Parameters).toContainEqual({
      ParameterKey: 'JenkinsAdminPassword',
      UsePreviousValue: true,
    });
    expect(input?.Parameters).toContainEqual({
      ParameterKey: 'AgentInstanceCap',
      ParameterValue: '20',
    });
    expect(input?.Parameters).toHaveLength(KEYS.length);
    expect(JSON.stringify(input)).not.toContain('****');
  });
});
