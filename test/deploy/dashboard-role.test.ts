import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplateText } from '@/lib/template/read';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ROLE_TEMPLATE = path.join(ROOT, 'deploy/dashboard-role.yaml');
const template = readTemplateText(readFileSync(ROLE_TEMPLATE, 'utf8')) as {
  Parameters: Record<string, { Default?: string; AllowedValues?: string[] }>;
  Conditions: Record<string, unknown>;
  Resources: Record<
    string,
    { Type: string; Condition?: string; Properties: Record<string, unknown> }
  >;
};
const policyFile = JSON.parse(
  readFileSync(path.join(ROOT, 'deploy/iam/dashboard-policy.json'), 'utf8'),
);

/** Resolves `Fn::Sub` strings (the only function the policy uses) with the given values. */
function render(value: unknown, values: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => render(item, values));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const [first] = entries;
    if (entries.length === 1 && first?.[0] === 'Fn::Sub' && typeof first[1] === 'string') {
      return first[1].replace(/\$\{([\w:]+)\}/g, (_, name: string) => {
        const resolved = values[name];
        if (resolved === undefined) throw new Error(`No value for \${${name}}`);
        return resolved;
      });
    }
    return Object.fromEntries(entries.map(([key, item]) => [key, render(item, values)]));
  }
  return value;
}

function rolePolicy(): unknown {
  const policies = template.Resources.DashboardRole?.Properties.Policies as
    { PolicyDocument: unknown }[] | undefined;
  expect(policies).toHaveLength(1);
  return policies?.[0]?.PolicyDocument;
}

describe('the dashboard role template', () => {
  it('passes cfn-lint', () => {
    const lint = spawnSync('cfn-lint', [ROLE_TEMPLATE], { encoding: 'utf8' });
    if (lint.error !== undefined) {
      throw new Error(
        `cfn-lint is needed for this test (pip install cfn-lint): ${lint.error.message}`,
      );
    }
    expect(`${lint.stdout}${lint.stderr}`).toBe('');
    expect(lint.status).toBe(0);
  });

  it('grants exactly deploy/iam/dashboard-policy.json with its default prefix', () => {
    const prefix = template.Parameters.StackNamePrefix?.Default;
    expect(prefix).toBe('jenkins-');
    const rendered = render(rolePolicy(), {
      'AWS::Partition': 'aws',
      StackNamePrefix: prefix ?? '',
    });
    expect(rendered).toEqual(policyFile);
  });

  it('scopes stack changes, stack roles and scale settings to another prefix when given one', () => {
    const rendered = JSON.stringify(
      render(rolePolicy(), { 'AWS::Partition': 'aws-us-gov', StackNamePrefix: 'ci-' }),
    );
    expect(rendered).toContain('arn:aws-us-gov:cloudformation:*:*:stack/ci-*/*');
    expect(rendered).toContain('arn:aws-us-gov:iam::*:role/ci-*');
    expect(rendered).toContain('parameter/jenkins-on-aws/ci-*');
    expect(rendered).toContain('arn:aws-us-gov:ec2:*:*:key-pair/ci-*');
    expect(rendered).not.toContain('jenkins-*');
  });

  it('trusts an ECS task or an EC2 instance, with an instance profile only for EC2', () => {
    expect(template.Parameters.TrustedService?.AllowedValues).toEqual([
      'ecs-tasks.amazonaws.com',
      'ec2.amazonaws.com',
    ]);
    const trust = JSON.stringify(
      template.Resources.DashboardRole?.Properties.AssumeRolePolicyDocument,
    );
    expect(trust).toContain('{"Ref":"TrustedService"}');
    expect(template.Resources.DashboardInstanceProfile?.Condition).toBe('OnEc2');
  });
});
