import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplateText } from '@/lib/template/read';
import {
  CLOUDFORMATION,
  allowingStatements,
  grantedActions,
  onlyViaCloudFormation,
  type AuthorizationRequest,
  type PolicyDocument,
} from './support/iam-policy';
import { scanSdkCalls } from './support/sdk-calls';
import {
  DEPLOYMENT_ACTIONS,
  DEPLOYMENT_ACTIONS_NOT_VIA_CLOUDFORMATION,
  parameterTypeKey,
} from './support/template-deployment';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const policy = JSON.parse(
  readFileSync(path.join(ROOT, 'deploy/iam/dashboard-policy.json'), 'utf8'),
) as PolicyDocument;
const scan = scanSdkCalls(ROOT, ['lib', 'app']);
const codeActions = new Set(scan.calls.map((call) => call.action));
const deploymentActions = new Set(Object.values(DEPLOYMENT_ACTIONS).flat());

const ACCOUNT = '123456789012';
const stackArn = (name: string) =>
  `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/${name}/0b6c9c60-1111-4c6e-9a3e-0a1b2c3d4e5f`;
const MUTATING_STACK_CALLS = [
  'cloudformation:CancelUpdateStack',
  'cloudformation:ContinueUpdateRollback',
  'cloudformation:CreateChangeSet',
  'cloudformation:CreateStack',
  'cloudformation:DeleteChangeSet',
  'cloudformation:DeleteStack',
  'cloudformation:ExecuteChangeSet',
  'cloudformation:UpdateStack',
  'cloudformation:UpdateTerminationProtection',
];

const PUBLIC_AMI_PARAMETER =
  'arn:aws:ssm:eu-west-1::parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

/** What the dashboard itself sends for an action: on a managed stack, or on any resource. */
function dashboardRequest(action: string, stackName = 'jenkins-prod'): AuthorizationRequest {
  const service = action.split(':')[0] ?? '';
  if (MUTATING_STACK_CALLS.includes(action)) return { action, resource: stackArn(stackName) };
  // The launch form reads the SSM parameter an AMI parameter points at.
  if (service === 'ssm') return { action, resource: PUBLIC_AMI_PARAMETER };
  return { action, resource: `arn:aws:${service}:eu-west-1:${ACCOUNT}:some-resource` };
}

/** What CloudFormation sends for an action while deploying the stack `jenkins-prod`. */
function deploymentRequest(action: string): AuthorizationRequest {
  const [service = '', name = ''] = action.split(':');
  const calledVia = { 'aws:CalledVia': [CLOUDFORMATION] };
  if (action === 'iam:CreateServiceLinkedRole') {
    return {
      action,
      resource: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
      context: { ...calledVia, 'iam:AWSServiceName': 'ecs.amazonaws.com' },
    };
  }
  if (action === 'ec2:CreateKeyPair' || action === 'ec2:DeleteKeyPair') {
    return {
      action,
      resource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:key-pair/jenkins-prod-agents`,
      context: calledVia,
    };
  }
  if (service === 'lambda') {
    return {
      action,
      resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:jenkins-prod-AgentReaperFunction-1A2B3C`,
      context: calledVia,
    };
  }
  if (service === 'iam') {
    const resource = name.includes('InstanceProfile')
      ? `arn:aws:iam::${ACCOUNT}:instance-profile/jenkins-prod-AgentInstanceProfile-1A2B3C`
      : `arn:aws:iam::${ACCOUNT}:role/jenkins-prod-ControllerTaskRole-1A2B3C`;
    const extra: Record<string, string> =
      action === 'iam:AttachRolePolicy'
        ? {
            'iam:PolicyARN':
              'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
          }
        : action === 'iam:PassRole'
          ? { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' }
          : {};
    return { action, resource, context: { ...calledVia, ...extra } };
  }
  if (service === 'ssm') {
    return {
      action,
      resource: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/jenkins-on-aws/jenkins-prod/agent-cap`,
      context: calledVia,
    };
  }
  return {
    action,
    resource: `arn:aws:${service}:eu-west-1:${ACCOUNT}:some-resource`,
    context: calledVia,
  };
}

describe('the dashboard IAM policy', () => {
  it('finds the AWS calls in the code, each resolved to its SDK client', () => {
    expect(scan.unresolved).toEqual([]);
    expect(codeActions).toContain('cloudformation:DescribeStacks');
    expect(codeActions).toContain('cloudformation:ExecuteChangeSet');
    expect(codeActions).toContain('ec2:DescribeInstances');
  });

  it('allows every AWS call the code sends, made by the dashboard itself', () => {
    const denied = scan.calls.filter(
      (call) => allowingStatements(policy, dashboardRequest(call.action)).length === 0,
    );
    expect(denied.map((call) => `${call.action} (${call.at})`)).toEqual([]);
  });

  it('allows stack changes only on stacks whose names start with jenkins-', () => {
    const mutating = [...codeActions].filter((action) => MUTATING_STACK_CALLS.includes(action));
    expect(mutating.length).toBeGreaterThan(0);
    for (const action of mutating) {
      expect(
        allowingStatements(policy, dashboardRequest(action, 'jenkins-ci')),
        action,
      ).not.toEqual([]);
      expect(allowingStatements(policy, dashboardRequest(action, 'payroll')), action).toEqual([]);
    }
  });

  it('reads public AMI parameters and the stacks’ scale settings, not the account’s other parameters', () => {
    const read = (name: string) => ({
      action: 'ssm:GetParameter',
      resource: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter${name}`,
    });
    expect(allowingStatements(policy, read('/jenkins-on-aws/jenkins-prod/agent-cap'))).not.toEqual(
      [],
    );
    expect(allowingStatements(policy, read('/prod/database/password'))).toEqual([]);
  });

  it('lets CloudFormation make the stacks’ key pairs and store their private keys, nothing else', () => {
    const calledVia = { 'aws:CalledVia': [CLOUDFORMATION] };
    const keyPair = (name: string) => ({
      action: 'ec2:CreateKeyPair',
      resource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:key-pair/${name}`,
      context: calledVia,
    });
    const store = (name: string, context: Record<string, string[]> = calledVia) => ({
      action: 'ssm:PutParameter',
      resource: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter${name}`,
      context,
    });

    expect(allowingStatements(policy, keyPair('jenkins-prod-agents'))).not.toEqual([]);
    expect(allowingStatements(policy, keyPair('payroll-admin'))).toEqual([]);
    expect(allowingStatements(policy, store('/ec2/keypair/key-0abc1234'))).not.toEqual([]);
    expect(allowingStatements(policy, store('/ec2/keypair/key-0abc1234', {}))).toEqual([]);
    expect(allowingStatements(policy, store('/prod/database/password'))).toEqual([]);
  });

  it('lets CloudFormation give Lambda the stacks’ agent-reaper role only, and run only the stacks’ functions', () => {
    const calledVia = { 'aws:CalledVia': [CLOUDFORMATION] };
    const passToLambda = (role: string) => ({
      action: 'iam:PassRole',
      resource: `arn:aws:iam::${ACCOUNT}:role/${role}`,
      context: { ...calledVia, 'iam:PassedToService': 'lambda.amazonaws.com' },
    });
    const invoke = (name: string) => ({
      action: 'lambda:InvokeFunction',
      resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:${name}`,
      context: calledVia,
    });

    expect(
      allowingStatements(
        policy,
        passToLambda('jenkins-on-aws/agent-reaper/jenkins-prod-AgentReaperRole-1A2B3C'),
      ),
    ).not.toEqual([]);
    expect(
      allowingStatements(policy, passToLambda('jenkins-prod-ControllerTaskRole-1A2B3C')),
    ).toEqual([]);
    expect(
      allowingStatements(policy, passToLambda('jenkins-on-aws/agent-reaper/payroll-x')),
    ).toEqual([]);
    expect(
      allowingStatements(policy, invoke('jenkins-prod-AgentReaperFunction-1A2B3C')),
    ).not.toEqual([]);
    expect(allowingStatements(policy, invoke('payroll-export'))).toEqual([]);
    expect(
      allowingStatements(policy, {
        ...invoke('jenkins-prod-AgentReaperFunction-1A2B3C'),
        context: {},
      }),
    ).toEqual([]);
  });

  it('names every action exactly, without wildcards', () => {
    expect(grantedActions(policy).filter((action) => /[*?]/.test(action))).toEqual([]);
  });

  it('grants nothing the code does not call, except what deploying the template needs', () => {
    const extra = grantedActions(policy).filter(
      (action) => !codeActions.has(action) && !deploymentActions.has(action),
    );
    expect(extra).toEqual([]);
  });

  it('grants the deployment-only actions only to calls CloudFormation makes, with three reasoned exceptions', () => {
    const direct = policy.Statement.filter((statement) => !onlyViaCloudFormation(statement))
      .flatMap((statement) =>
        typeof statement.Action === 'string' ? [statement.Action] : statement.Action,
      )
      .filter((action) => !codeActions.has(action));
    expect(new Set(direct)).toEqual(
      new Set(Object.keys(DEPLOYMENT_ACTIONS_NOT_VIA_CLOUDFORMATION)),
    );

    const viaOnly = [...deploymentActions].filter(
      (action) =>
        !codeActions.has(action) && !(action in DEPLOYMENT_ACTIONS_NOT_VIA_CLOUDFORMATION),
    );
    const allowedDirectly = viaOnly.filter(
      (action) => allowingStatements(policy, dashboardRequest(action)).length > 0,
    );
    expect(allowedDirectly).toEqual([]);
  });

  it('allows CloudFormation every call it makes to deploy the template', () => {
    const denied = [...deploymentActions].filter(
      (action) => allowingStatements(policy, deploymentRequest(action)).length === 0,
    );
    expect(denied).toEqual([]);
    const ami = { action: 'ssm:GetParameters', resource: PUBLIC_AMI_PARAMETER };
    expect(allowingStatements(policy, ami)).not.toEqual([]);
  });

  it('keeps the deployment roles to the stacks’ own roles and two AWS managed policies', () => {
    const otherRole = {
      ...deploymentRequest('iam:CreateRole'),
      resource: `arn:aws:iam::${ACCOUNT}:role/admin`,
    };
    expect(allowingStatements(policy, otherRole)).toEqual([]);
    const adminPolicy = {
      ...deploymentRequest('iam:AttachRolePolicy'),
      context: {
        'aws:CalledVia': [CLOUDFORMATION],
        'iam:PolicyARN': 'arn:aws:iam::aws:policy/AdministratorAccess',
      },
    };
    expect(allowingStatements(policy, adminPolicy)).toEqual([]);
    const passToLambda = {
      ...deploymentRequest('iam:PassRole'),
      context: { 'iam:PassedToService': 'lambda.amazonaws.com' },
    };
    expect(allowingStatements(policy, passToLambda)).toEqual([]);
  });

  it('lists the deployment actions for every resource and parameter type of the template', () => {
    const template = readTemplateText(
      readFileSync(path.join(ROOT, 'cloudformation/jenkins.yaml'), 'utf8'),
    ) as {
      Resources: Record<string, { Type: string }>;
      Parameters: Record<string, { Type: string }>;
    };
    const resourceTypes = Object.values(template.Resources).map((resource) => resource.Type);
    const parameterTypes = Object.values(template.Parameters).flatMap(
      (parameter) => parameterTypeKey(parameter.Type) ?? [],
    );
    const missing = [...new Set([...resourceTypes, ...parameterTypes])].filter(
      (type) => !(type in DEPLOYMENT_ACTIONS),
    );
    expect(missing).toEqual([]);
  });
});
