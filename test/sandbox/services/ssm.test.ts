import {
  DescribeParametersCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  paginateGetParametersByPath,
  PutParameterCommand,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@/sandbox/index';
import { AGENT_AMI_PARAMETER } from '@/sandbox/world/seed';
import { clientsFor, pausedSandbox } from '../support';

let sandbox: RunningSandbox;
let ssm: ReturnType<typeof clientsFor>['ssm'];

beforeAll(async () => {
  sandbox = await pausedSandbox();
  ssm = clientsFor(sandbox.url).ssm;
  for (const key of [
    'agent-cap',
    'warm-agents',
    'idle-minutes',
    'agent-instance-type',
    'agent-ami',
  ]) {
    await ssm.send(
      new PutParameterCommand({ Name: `/jenkins-on-aws/demo/${key}`, Value: '1', Type: 'String' }),
    );
  }
  await ssm.send(
    new PutParameterCommand({
      Name: '/jenkins-on-aws/demo/nested/deeper',
      Value: 'x',
      Type: 'String',
    }),
  );
});
afterAll(() => sandbox.close());

describe('SSM parameters', () => {
  it('answers the public AMI parameter the template defaults to', async () => {
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: AGENT_AMI_PARAMETER }));
    expect(Parameter?.Value).toMatch(/^ami-0[0-9a-f]{16}$/);
    expect(Parameter?.ARN).toBe(`arn:aws:ssm:eu-west-1::parameter${AGENT_AMI_PARAMETER}`);
  });

  it('answers ParameterNotFound, which the SDK names', async () => {
    await expect(ssm.send(new GetParameterCommand({ Name: '/nope' }))).rejects.toMatchObject({
      name: 'ParameterNotFound',
    });
  });

  it('lists unknown names of GetParameters under InvalidParameters', async () => {
    const answer = await ssm.send(
      new GetParametersCommand({ Names: ['/jenkins-on-aws/demo/agent-cap', '/nope'] }),
    );
    expect(answer.Parameters?.map((parameter) => parameter.Name)).toEqual([
      '/jenkins-on-aws/demo/agent-cap',
    ]);
    expect(answer.InvalidParameters).toEqual(['/nope']);
  });

  it('pages GetParametersByPath one level deep unless Recursive', async () => {
    const first = await ssm.send(
      new GetParametersByPathCommand({ Path: '/jenkins-on-aws/demo/', MaxResults: 2 }),
    );
    expect(first.Parameters).toHaveLength(2);
    expect(first.NextToken).toBeDefined();
    const names: string[] = [];
    for await (const page of paginateGetParametersByPath(
      { client: ssm, pageSize: 2 },
      { Path: '/jenkins-on-aws/demo' },
    )) {
      names.push(...(page.Parameters ?? []).map((parameter) => parameter.Name ?? ''));
    }
    expect(names).toHaveLength(5);
    const recursive = await ssm.send(
      new GetParametersByPathCommand({ Path: '/jenkins-on-aws/demo', Recursive: true }),
    );
    expect(recursive.Parameters).toHaveLength(6);
  });

  it('bumps the version on overwrite and refuses an overwrite not asked for', async () => {
    const { Version } = await ssm.send(
      new PutParameterCommand({
        Name: '/jenkins-on-aws/demo/agent-cap',
        Value: '12',
        Overwrite: true,
      }),
    );
    expect(Version).toBe(2);
    await expect(
      ssm.send(new PutParameterCommand({ Name: '/jenkins-on-aws/demo/agent-cap', Value: '13' })),
    ).rejects.toMatchObject({
      name: 'ParameterAlreadyExists',
    });
  });

  it('describes account parameters, not the public ones', async () => {
    const { Parameters } = await ssm.send(
      new DescribeParametersCommand({
        ParameterFilters: [{ Key: 'Name', Option: 'BeginsWith', Values: ['/'] }],
      }),
    );
    expect(Parameters?.map((parameter) => parameter.Name)).not.toContain(AGENT_AMI_PARAMETER);
    expect(Parameters).toHaveLength(6);
  });
});
