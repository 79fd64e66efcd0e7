import { describe, expect, it } from 'vitest';
import { quickCreateLink, readQuickCreateParams } from '@/lib/template';
import { STACK_NAME_RULE } from '@/lib/stacks/names';
import { accountChecks, type AccountChoices } from '@/components/launch/account-checks';
import {
  checkLaunchForm,
  initialLaunchForm,
  parameterValues,
  tagsToSend,
  type LaunchForm,
} from '@/components/launch/launch-form';
import { jenkinsModel, modelOf } from './templates';

const small = modelOf(`
Parameters:
  Cap: {Type: Number, MinValue: 1, MaxValue: 200, Default: 10}
  Secret: {Type: String, NoEcho: true, MinLength: 12}
  SecretWithDefault: {Type: String, NoEcho: true, Default: change-me-please}
  Zone: {Type: String, Default: ''}
`);

const subnetAzs = {
  'subnet-0aaa1111': 'eu-west-1a',
  'subnet-0bbb2222': 'eu-west-1a',
  'subnet-0ccc3333': 'eu-west-1b',
};

const choices: AccountChoices = {
  region: 'eu-west-1',
  vpcs: ['vpc-0abc1234'],
  keyPairs: ['build-key'],
  availabilityZones: ['eu-west-1a', 'eu-west-1b'],
  subnetAzs,
  securityGroups: ['sg-0aaa'],
};

function validJenkinsForm(): LaunchForm {
  const form = initialLaunchForm(jenkinsModel());
  return {
    ...form,
    stackName: 'jenkins-ctl',
    capabilitiesAcknowledged: true,
    values: {
      ...form.values,
      VpcId: 'vpc-0abc1234',
      LoadBalancerSubnets: 'subnet-0aaa1111,subnet-0ccc3333',
      ServiceSubnets: 'subnet-0aaa1111,subnet-0ccc3333',
      AllowedCidr: '203.0.113.0/24',
      JenkinsAdminPassword: 'correct-horse-battery',
      ControllerImage: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/jenkins-on-aws:2.568.2-1',
    },
  };
}

function check(form: LaunchForm, accountChoices: AccountChoices = choices, model = jenkinsModel()) {
  return checkLaunchForm(model, form, {
    checks: accountChecks(model, accountChoices),
    requiredCapabilities: ['CAPABILITY_NAMED_IAM'],
    choices: accountChoices,
  });
}

describe('launch form', () => {
  it('opens with every default filled and NoEcho fields blank, even with a default', () => {
    const form = initialLaunchForm(small);

    expect(form.values).toEqual({ Cap: '10', Secret: '', SecretWithDefault: '', Zone: '' });
    expect(form.rollbackOnFailure).toBe(true);
    expect(form.terminationProtection).toBe(false);
  });

  it('takes a quick-create link’s stack name and values over the defaults', () => {
    const prefill = readQuickCreateParams('stackName=ci&param_Cap=20&param_Secret=hunter2', small);
    const form = initialLaunchForm(small, prefill);

    expect(form.stackName).toBe('ci');
    expect(form.values.Cap).toBe('20');
    expect(form.values.Secret).toBe('');
    expect(prefill.ignored).toEqual(['Secret']);
  });

  it('round-trips the current values through the quick-create link without any secret', () => {
    const model = jenkinsModel();
    const form = validJenkinsForm();
    const link = quickCreateLink('/launch', form.stackName, form.values, model);

    expect(link).not.toContain('correct-horse-battery');
    expect(link).not.toContain('JenkinsAdminPassword');
    const reopened = initialLaunchForm(
      model,
      readQuickCreateParams(link.split('?')[1] ?? '', model),
    );
    expect(reopened.stackName).toBe('jenkins-ctl');
    expect({ ...reopened.values, JenkinsAdminPassword: 'x' }).toEqual({
      ...form.values,
      JenkinsAdminPassword: 'x',
    });
  });

  it('leaves a blank NoEcho field with a default out, so CloudFormation uses the default', () => {
    const values = parameterValues(small, initialLaunchForm(small).values);

    expect(values).toEqual({ Cap: '10', Secret: '', Zone: '' });
  });

  it('accepts a complete form for the bundled template', () => {
    const problems = check(validJenkinsForm());

    expect(problems).toEqual({
      ok: true,
      parameters: {},
      stackName: undefined,
      tags: {},
      capabilities: undefined,
    });
  });

  it('shows the validator’s message under a field as the person types', () => {
    const form = validJenkinsForm();
    const problems = check({
      ...form,
      values: { ...form.values, AgentInstanceCap: '500', JenkinsAdminPassword: 'short' },
    });

    expect(problems.ok).toBe(false);
    expect(problems.parameters.AgentInstanceCap).toMatch(/1 to 200|from 1 to 200/);
    expect(problems.parameters.JenkinsAdminPassword).toBeDefined();
  });

  it('refuses load-balancer subnets that are all in one Availability Zone (C05)', () => {
    const form = validJenkinsForm();
    const problems = check({
      ...form,
      values: { ...form.values, LoadBalancerSubnets: 'subnet-0aaa1111, subnet-0bbb2222 ' },
    });

    expect(problems.parameters.LoadBalancerSubnets).toBe(
      'Choose subnets in at least two Availability Zones: every chosen subnet is in eu-west-1a.',
    );
  });

  it('skips the two-zone check until the chosen VPC’s subnets have loaded', () => {
    const form = validJenkinsForm();
    const problems = check(
      { ...form, values: { ...form.values, LoadBalancerSubnets: 'subnet-0aaa1111' } },
      { ...choices, subnetAzs: undefined },
    );

    expect(problems.parameters.LoadBalancerSubnets).toBeUndefined();
  });

  /** A template that takes an existing key pair (the bundled one makes its own). */
  const keyPairModel = modelOf(`
Parameters:
  AgentKeyName: {Type: 'AWS::EC2::KeyPair::KeyName'}
`);
  const keyPairForm = (value: string): LaunchForm => ({
    ...initialLaunchForm(keyPairModel),
    stackName: 'jenkins-ctl',
    values: { AgentKeyName: value },
  });

  it('blocks the key pair with an explanation when the region has none (C11)', () => {
    const problems = check(keyPairForm(''), { ...choices, keyPairs: [] }, keyPairModel);

    expect(problems.parameters.AgentKeyName).toMatch(/There are no EC2 key pairs in eu-west-1/);
  });

  it('flags a key pair that does not exist in the region (C11)', () => {
    const problems = check(keyPairForm('gone-key'), choices, keyPairModel);

    expect(problems.parameters.AgentKeyName).toBe(
      'Key pair gone-key does not exist in eu-west-1; choose one that does.',
    );
  });

  it('asks for the prefix the dashboard’s IAM role allows, when it has one', () => {
    const model = jenkinsModel();
    const withPrefix = (stackName: string) =>
      checkLaunchForm(
        model,
        { ...validJenkinsForm(), stackName },
        {
          checks: accountChecks(model, choices),
          requiredCapabilities: ['CAPABILITY_NAMED_IAM'],
          choices,
          stackNamePrefix: 'jenkins-',
        },
      );

    expect(withPrefix('ci-prod').stackName).toBe(
      'This dashboard’s IAM role may change only stacks whose names start with jenkins-; name it jenkins-… (for example jenkins-ci).',
    );
    expect(withPrefix('ci-prod').ok).toBe(false);
    expect(withPrefix('jenkins-prod').ok).toBe(true);
    expect(check({ ...validJenkinsForm(), stackName: 'ci-prod' }).stackName).toBeUndefined();
  });

  it('applies AWS’s stack-name rule with its sentence', () => {
    expect(check({ ...validJenkinsForm(), stackName: '1jenkins' }).stackName).toBe(STACK_NAME_RULE);
    expect(check({ ...validJenkinsForm(), stackName: '' }).stackName).toMatch(
      /^Enter a stack name/,
    );
  });

  it('requires the capabilities to be acknowledged before review (C29)', () => {
    const problems = check({ ...validJenkinsForm(), capabilitiesAcknowledged: false });

    expect(problems.ok).toBe(false);
    expect(problems.capabilities).toBeDefined();
  });

  it('checks tag rows with the server’s rules, ignoring blank rows', () => {
    const tags = [
      { key: 'team', value: 'ci' },
      { key: '', value: '' },
      { key: 'aws:owner', value: 'x' },
      { key: 'team', value: 'other' },
      { key: '', value: 'orphan' },
    ];
    const problems = check({ ...validJenkinsForm(), tags });

    expect(problems.tags).toEqual({
      2: 'Tag keys cannot start with aws:.',
      3: 'Tag key team is already used in row 1.',
      4: 'A tag needs a key.',
    });
    expect(tagsToSend(tags)).toHaveLength(4);
  });
});
