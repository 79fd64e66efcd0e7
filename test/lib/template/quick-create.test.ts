import { describe, expect, it } from 'vitest';
import { quickCreateLink, readQuickCreateParams } from '@/lib/template/quick-create';
import { validateParameters } from '@/lib/template/validate';
import { fixtureModel } from './fixtures';

describe('quick-create links', () => {
  const model = fixtureModel('no-echo.yaml');
  const lists = fixtureModel('lists.yaml');

  it('writes the stack name and chosen values, never a NoEcho value', () => {
    expect(
      quickCreateLink(
        '/launch',
        'jenkins-ctl',
        { JenkinsAdminPassword: 'correct horse battery', AgentInstanceCap: '20' },
        model,
      ),
    ).toBe('/launch?stackName=jenkins-ctl&param_AgentInstanceCap=20');
  });

  it('leaves out values equal to the Default and keys the template lacks', () => {
    expect(
      quickCreateLink('/launch', undefined, { AgentInstanceCap: '10', Stray: 'x' }, model),
    ).toBe('/launch');
  });

  it('appends to a base that already has a query', () => {
    expect(quickCreateLink('/launch?region=eu-west-1', 'a', {}, model)).toBe(
      '/launch?region=eu-west-1&stackName=a',
    );
  });

  it('round-trips stack name and list values through the link', () => {
    const values = {
      AlbSubnets: 'subnet-0aaa1111,subnet-0ccc3333',
      ExtraCidrs: '10.0.0.0/8,192.168.0.0/16',
      LogLevels: 'INFO,WARNING',
    };
    const link = quickCreateLink(
      'https://dash.example.internal/launch',
      'jenkins-ctl',
      values,
      lists,
    );
    const read = readQuickCreateParams(new URL(link).searchParams, lists);
    expect(read).toEqual({
      stackName: 'jenkins-ctl',
      values: { AlbSubnets: values.AlbSubnets, ExtraCidrs: values.ExtraCidrs },
      ignored: [],
    });
    expect(validateParameters(lists, read.values, { mode: 'create' }).fieldErrors).toEqual({
      SecurityGroups: 'Enter a value: the template gives no default.',
      Zones: 'Enter a value: the template gives no default.',
    });
  });

  it('ignores NoEcho and unknown keys in a link it reads', () => {
    expect(
      readQuickCreateParams(
        'stackName=jenkins-ctl&param_JenkinsAdminPassword=leaked&param_Nope=1' +
          '&param_AgentInstanceCap=30&param_AgentInstanceCap=40&other=1',
        model,
      ),
    ).toEqual({
      stackName: 'jenkins-ctl',
      values: { AgentInstanceCap: '30' },
      ignored: ['JenkinsAdminPassword', 'Nope'],
    });
  });

  it('reads a link without a stack name', () => {
    expect(readQuickCreateParams('param_AgentInstanceCap=5', model)).toEqual({
      values: { AgentInstanceCap: '5' },
      ignored: [],
    });
  });
});

describe('quick-create links from a Next.js page', () => {
  it('reads the searchParams object a page receives', () => {
    const model = fixtureModel('no-echo.yaml');
    expect(
      readQuickCreateParams(
        { stackName: 'jenkins-ctl', param_AgentInstanceCap: ['30', '40'], other: undefined },
        model,
      ),
    ).toEqual({ stackName: 'jenkins-ctl', values: { AgentInstanceCap: '30' }, ignored: [] });
  });
});
