import { describe, expect, it } from 'vitest';
import {
  checkUpdateForm,
  formForTemplate,
  initialUpdateForm,
  keepUnchanged,
  templateChange,
  typeValue,
  updateRequestBody,
  type DeployedStack,
} from '@/components/update/update-form';
import { stackParameters, validateParameters } from '@/lib/template';
import { modelOf } from '../launch/templates';

// C03: the password comes back masked; the cap is an ordinary value.
const v1 = modelOf(`
Parameters:
  JenkinsAdminPassword: {Type: String, NoEcho: true, MinLength: 12}
  AgentInstanceCap: {Type: Number, MinValue: 1, Default: 10}
  ControllerCpu: {Type: Number, AllowedValues: [512, 1024, 2048], Default: 1024}
  LegacyElbName: {Type: String, Default: ''}
`);

// C04: v2 drops LegacyElbName and adds one key with a Default and one NoEcho key without.
const v2 = modelOf(`
Parameters:
  AgentInstanceCap: {Type: Number, MinValue: 1, Default: 10}
  ControllerCpu: {Type: Number, AllowedValues: [1024, 2048], Default: 1024}
  JenkinsAdminPassword: {Type: String, NoEcho: true, MinLength: 12}
  AgentIdleMinutes: {Type: Number, MinValue: 1, Default: 30}
  WebhookSecret: {Type: String, NoEcho: true}
`);

const deployed: DeployedStack = {
  model: v1,
  values: { AgentInstanceCap: '10', ControllerCpu: '1024', LegacyElbName: 'old-elb' },
};

const request = { attemptId: 'attempt123', templateBody: undefined, capabilities: [] };
const noChecks = { checks: [], capabilities: [] };

describe('update form', () => {
  it('opens with the deployed values and the NoEcho field blank and untouched', () => {
    const form = initialUpdateForm(deployed);

    expect(form.values).toEqual({
      JenkinsAdminPassword: '',
      AgentInstanceCap: '10',
      ControllerCpu: '1024',
      LegacyElbName: 'old-elb',
    });
    expect(form.touched.size).toBe(0);
  });

  it('does not send an untouched NoEcho value, so the server keeps the previous one (C03)', () => {
    const form = typeValue(initialUpdateForm(deployed), 'AgentInstanceCap', '20');

    const body = updateRequestBody(v1, form, request);

    expect(body).toEqual({
      attemptId: 'attempt123',
      values: { AgentInstanceCap: '20' },
      touched: ['AgentInstanceCap'],
      capabilities: [],
    });
  });

  it('sends typed asterisks as typed: changed is decided by touch, not by the mask', () => {
    const form = typeValue(initialUpdateForm(deployed), 'JenkinsAdminPassword', '****');

    const body = updateRequestBody(v1, form, request);

    expect(body.values).toEqual({ JenkinsAdminPassword: '****' });
    expect(body.touched).toEqual(['JenkinsAdminPassword']);
  });

  it('does not check an untouched NoEcho field, but checks it once typed into', () => {
    const untouched = checkUpdateForm(v1, initialUpdateForm(deployed), deployed, noChecks);
    const typed = checkUpdateForm(
      v1,
      typeValue(initialUpdateForm(deployed), 'JenkinsAdminPassword', 'short'),
      deployed,
      noChecks,
    );

    expect(untouched.ok).toBe(true);
    expect(typed.parameters.JenkinsAdminPassword).toMatch(/12/);
  });

  it('puts a typed NoEcho field back to unchanged', () => {
    const typed = typeValue(initialUpdateForm(deployed), 'JenkinsAdminPassword', 'new-secret-123');

    const kept = keepUnchanged(typed, 'JenkinsAdminPassword');

    expect(kept.values.JenkinsAdminPassword).toBe('');
    expect(updateRequestBody(v1, kept, request).touched).toEqual([]);
  });

  it('carries the new template body when one is chosen', () => {
    const body = updateRequestBody(v2, initialUpdateForm(deployed), {
      ...request,
      templateBody: 'Resources: {}',
    });

    expect(body.templateBody).toBe('Resources: {}');
  });

  it('turns into UsePreviousValue for untouched keys and a value for edited ones on the server', () => {
    const form = typeValue(initialUpdateForm(deployed), 'AgentInstanceCap', '20');
    const body = updateRequestBody(v1, form, request);

    // The server validates exactly what the body carries with the same validator.
    const validation = validateParameters(v1, body.values, {
      mode: 'update',
      touched: new Set(body.touched),
      previousKeys: new Set(v1.parameters.map((parameter) => parameter.key)),
    });

    expect(stackParameters(v1, validation)).toEqual([
      { ParameterKey: 'JenkinsAdminPassword', UsePreviousValue: true },
      { ParameterKey: 'AgentInstanceCap', ParameterValue: '20' },
      { ParameterKey: 'ControllerCpu', UsePreviousValue: true },
      { ParameterKey: 'LegacyElbName', UsePreviousValue: true },
    ]);
  });
});

describe('new template', () => {
  it('finds the added parameters, those needing a value, and the dropped ones (C04)', () => {
    const change = templateChange(v1, v2);

    expect(change.added.map((parameter) => parameter.key)).toEqual([
      'AgentIdleMinutes',
      'WebhookSecret',
    ]);
    expect(change.needValue).toEqual(['WebhookSecret']);
    expect(change.dropped).toEqual(['LegacyElbName']);
  });

  it('finds nothing between a template and itself', () => {
    expect(templateChange(v1, v1)).toEqual({ added: [], needValue: [], dropped: [] });
  });

  it('fills new keys with their Default, keeps typed values and forgets dropped keys', () => {
    let form = typeValue(initialUpdateForm(deployed), 'ControllerCpu', '2048');
    form = typeValue(form, 'LegacyElbName', 'typed');

    const next = formForTemplate(form, deployed, v2);

    expect(next.values).toEqual({
      AgentInstanceCap: '10',
      ControllerCpu: '2048',
      JenkinsAdminPassword: '',
      AgentIdleMinutes: '30',
      WebhookSecret: '',
    });
    expect([...next.touched]).toEqual(['ControllerCpu']);
  });

  it('blocks the review until a new parameter without a Default is filled', () => {
    const form = formForTemplate(
      typeValue(initialUpdateForm(deployed), 'ControllerCpu', '2048'),
      deployed,
      v2,
    );

    const blocked = checkUpdateForm(v2, form, deployed, noChecks);
    const filled = checkUpdateForm(
      v2,
      typeValue(form, 'WebhookSecret', 'a-webhook-secret'),
      deployed,
      noChecks,
    );

    expect(blocked.ok).toBe(false);
    expect(Object.keys(blocked.parameters)).toEqual(['WebhookSecret']);
    expect(blocked.parameters.WebhookSecret).toMatch(/new in the template/);
    expect(filled.ok).toBe(true);
  });

  it('sends no dropped key and leaves untouched new keys to their Default', () => {
    const form = formForTemplate(
      typeValue(initialUpdateForm(deployed), 'WebhookSecret', 'a-webhook-secret'),
      deployed,
      v2,
    );

    const body = updateRequestBody(v2, form, { ...request, templateBody: 'v2' });

    expect(body.touched).toEqual(['WebhookSecret']);
    expect(Object.keys(body.values)).toEqual(['WebhookSecret']);
  });

  it('checks a kept deployed value against the new template', () => {
    const old = { ...deployed, values: { ...deployed.values, ControllerCpu: '512' } };
    const form = formForTemplate(initialUpdateForm(old), old, v2);

    const problems = checkUpdateForm(v2, typeValue(form, 'WebhookSecret', 'x'), old, noChecks);

    expect(problems.parameters.ControllerCpu).toBeDefined();
  });

  it('asks for the capabilities to be acknowledged', () => {
    const form = initialUpdateForm(deployed);
    const context = { checks: [], capabilities: ['CAPABILITY_NAMED_IAM'] };

    expect(checkUpdateForm(v1, form, deployed, context).ok).toBe(false);
    expect(
      checkUpdateForm(v1, { ...form, capabilitiesAcknowledged: true }, deployed, context).ok,
    ).toBe(true);
  });
});
