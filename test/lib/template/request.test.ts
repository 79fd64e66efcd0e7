import { describe, expect, it } from 'vitest';
import { ParameterValuesError } from '@/lib/template/errors';
import { parameterModel } from '@/lib/template/model';
import { stackParameters } from '@/lib/template/request';
import { validateParameters } from '@/lib/template/validate';
import { fixtureModel } from './fixtures';

describe('stackParameters', () => {
  it('sends an untouched NoEcho parameter as UsePreviousValue without a value (C03)', () => {
    const model = parameterModel({
      Parameters: {
        JenkinsAdminPassword: { Type: 'String', NoEcho: true, MinLength: 12 },
        AgentInstanceCap: { Type: 'Number', MinValue: 1, Default: 10 },
      },
    });
    // DescribeStacks shows the password as a mask; the form passes it through untouched.
    const validation = validateParameters(
      model,
      { JenkinsAdminPassword: '****', AgentInstanceCap: '20' },
      {
        mode: 'update',
        previousKeys: new Set(['JenkinsAdminPassword', 'AgentInstanceCap']),
        touched: new Set(['AgentInstanceCap']),
      },
    );
    expect(stackParameters(model, validation)).toEqual([
      { ParameterKey: 'JenkinsAdminPassword', UsePreviousValue: true },
      { ParameterKey: 'AgentInstanceCap', ParameterValue: '20' },
    ]);
  });

  describe('upgrading a stack to a new template (C04)', () => {
    const v1Keys = new Set(fixtureModel('upgrade-v1.yaml').parameters.map(({ key }) => key));
    const v2 = fixtureModel('upgrade-v2.yaml');

    it('keeps kept keys, defaults new ones and drops removed ones', () => {
      const validation = validateParameters(
        v2,
        { ControllerCpu: '2048', WebhookSecret: 'whsec-0123456789' },
        { mode: 'update', previousKeys: v1Keys, touched: new Set(['ControllerCpu']) },
      );
      expect(stackParameters(v2, validation)).toEqual([
        { ParameterKey: 'AgentInstanceCap', UsePreviousValue: true },
        { ParameterKey: 'ControllerCpu', ParameterValue: '2048' },
        { ParameterKey: 'WebhookSecret', ParameterValue: 'whsec-0123456789' },
      ]);
    });

    it('blocks the update until a new key without a Default is filled', () => {
      const validation = validateParameters(
        v2,
        { ControllerCpu: '2048' },
        { mode: 'update', previousKeys: v1Keys, touched: new Set(['ControllerCpu']) },
      );
      expect(() => stackParameters(v2, validation)).toThrow(ParameterValuesError);
      expect(() => stackParameters(v2, validation)).toThrow(
        'Parameter WebhookSecret: This parameter is new in the template and has no default: ' +
          'enter a value.',
      );
    });

    it('refuses a value for a key the new template dropped', () => {
      const validation = validateParameters(
        v2,
        { LegacyElbName: 'jenkins-elb', WebhookSecret: 'whsec-0123456789' },
        { mode: 'update', previousKeys: v1Keys },
      );
      expect(validation.fieldErrors).toEqual({
        LegacyElbName: 'This template has no parameter by that name.',
      });
    });

    it('never sends UsePreviousValue on a create, even with the update form reused', () => {
      const validation = validateParameters(
        v2,
        { ControllerCpu: '2048', WebhookSecret: 'whsec-0123456789' },
        { mode: 'create', previousKeys: v1Keys, touched: new Set(['ControllerCpu']) },
      );
      expect(stackParameters(v2, validation)).toEqual([
        { ParameterKey: 'ControllerCpu', ParameterValue: '2048' },
        { ParameterKey: 'WebhookSecret', ParameterValue: 'whsec-0123456789' },
      ]);
    });

    it('never puts a value and UsePreviousValue in one entry', () => {
      const validation = validateParameters(
        v2,
        { AgentInstanceCap: '10', ControllerCpu: '1024', WebhookSecret: 'whsec-0123456789' },
        { mode: 'update', previousKeys: v1Keys, touched: new Set(['WebhookSecret']) },
      );
      for (const entry of stackParameters(v2, validation)) {
        expect('UsePreviousValue' in entry && 'ParameterValue' in entry).toBe(false);
      }
    });
  });

  it('sends a list of subnets as one comma-joined string without spaces (C05)', () => {
    const model = parameterModel({
      Parameters: {
        AlbSubnets: { Type: 'List<AWS::EC2::Subnet::Id>' },
        ExtraCidrs: { Type: 'CommaDelimitedList', Default: '' },
      },
    });
    const selection = ['subnet-0aaa1111', ' subnet-0bbb2222 '];
    const validation = validateParameters(
      model,
      { AlbSubnets: selection.join(','), ExtraCidrs: '' },
      { mode: 'create' },
    );
    expect(stackParameters(model, validation)).toEqual([
      { ParameterKey: 'AlbSubnets', ParameterValue: 'subnet-0aaa1111,subnet-0bbb2222' },
      { ParameterKey: 'ExtraCidrs', ParameterValue: '' },
    ]);
  });

  it('carries the field messages in the error it throws', () => {
    const model = fixtureModel('scale-limits.yaml');
    const validation = validateParameters(
      model,
      { AgentInstanceCap: '0', WarmAgents: '99' },
      { mode: 'create' },
    );
    try {
      stackParameters(model, validation);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'bad_request:parameters',
        message: '2 parameters have invalid values: AgentInstanceCap, WarmAgents.',
        details: {
          fieldErrors: {
            AgentInstanceCap: 'Enter a number from 1 to 200.',
            WarmAgents: 'Warm agents must be a whole number from 0 to 50.',
          },
        },
      });
    }
  });
});
