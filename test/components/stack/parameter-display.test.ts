import { describe, expect, it } from 'vitest';
import { isWebUrl, parameterDisplay } from '@/components/stack/parameter-display';

describe('parameterDisplay', () => {
  it('shows NoEcho parameters as hidden whatever value arrived', () => {
    expect(
      parameterDisplay({
        key: 'JenkinsAdminPassword',
        value: 'leaked?',
        resolvedValue: undefined,
        noEcho: true,
      }),
    ).toEqual({ value: 'hidden', hidden: true, resolved: undefined });
  });

  it('shows what an SSM parameter resolved to', () => {
    const shown = parameterDisplay({
      key: 'AgentAmiId',
      value: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      resolvedValue: 'ami-0123456789abcdef0',
      noEcho: false,
    });

    expect(shown.resolved).toBe('ami-0123456789abcdef0');
  });

  it('does not repeat a resolved value equal to the value', () => {
    expect(
      parameterDisplay({ key: 'AgentInstanceCap', value: '10', resolvedValue: '10', noEcho: false })
        .resolved,
    ).toBeUndefined();
  });
});

describe('isWebUrl', () => {
  it('links http and https addresses only', () => {
    expect(isWebUrl('https://jenkins.example.com')).toBe(true);
    expect(isWebUrl('http://ci-alb-123.eu-west-1.elb.amazonaws.com')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('arn:aws:ecs:eu-west-1:123456789012:service/ci/jenkins')).toBe(false);
    expect(isWebUrl('jenkins-on-aws/v1')).toBe(false);
  });
});
