import { describe, expect, it } from 'vitest';
import { findParameter, parameterModel } from '@/lib/template/model';
import { fixtureModel, groupKeys } from './fixtures';

describe('parameter model', () => {
  describe('of the classic JSON ECS-behind-classic-ELB template', () => {
    const model = fixtureModel('classic-ecs-elb.json');

    it('keeps template order in one group when there is no interface metadata', () => {
      expect(groupKeys(model)).toEqual([
        [
          'Parameters',
          [
            'KeyName',
            'VpcId',
            'SubnetIds',
            'DesiredCapacity',
            'MaxSize',
            'InstanceType',
            'SshLocation',
          ],
        ],
      ]);
    });

    it('classifies every parameter and normalises its default and constraints', () => {
      expect(model.parameters).toEqual([
        {
          key: 'KeyName',
          label: 'KeyName',
          description: 'Key pair for SSH access to the container instances',
          cloudFormationType: 'AWS::EC2::KeyPair::KeyName',
          type: { kind: 'aws-specific', awsType: 'AWS::EC2::KeyPair::KeyName', list: false },
          noEcho: false,
          constraints: {},
        },
        {
          key: 'VpcId',
          label: 'VpcId',
          description: 'VPC that holds the cluster',
          cloudFormationType: 'AWS::EC2::VPC::Id',
          type: { kind: 'aws-specific', awsType: 'AWS::EC2::VPC::Id', list: false },
          noEcho: false,
          constraints: {},
        },
        {
          key: 'SubnetIds',
          label: 'SubnetIds',
          description: 'Subnets for the load balancer and the instances',
          cloudFormationType: 'List<AWS::EC2::Subnet::Id>',
          type: { kind: 'aws-specific', awsType: 'AWS::EC2::Subnet::Id', list: true },
          noEcho: false,
          constraints: {},
        },
        {
          key: 'DesiredCapacity',
          label: 'DesiredCapacity',
          description: 'Container instances to run',
          cloudFormationType: 'Number',
          type: { kind: 'number' },
          default: '1',
          noEcho: false,
          constraints: {},
        },
        {
          key: 'MaxSize',
          label: 'MaxSize',
          description: 'Most container instances the group may grow to',
          cloudFormationType: 'Number',
          type: { kind: 'number' },
          default: '2',
          noEcho: false,
          constraints: { minValue: 1, maxValue: 6 },
        },
        {
          key: 'InstanceType',
          label: 'InstanceType',
          cloudFormationType: 'String',
          type: { kind: 'string' },
          default: 'm5.large',
          noEcho: false,
          constraints: {
            allowedValues: ['t3.medium', 't3.large', 'm5.large', 'm5.xlarge'],
            constraintDescription: 'must be one of the listed EC2 instance types.',
          },
        },
        {
          key: 'SshLocation',
          label: 'SshLocation',
          cloudFormationType: 'String',
          type: { kind: 'string' },
          default: '10.0.0.0/8',
          noEcho: false,
          constraints: {
            minLength: 9,
            maxLength: 18,
            allowedPattern: '^(?:(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2}))$',
            allowedPatternAsWritten: '(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})',
            constraintDescription: 'must be an IPv4 CIDR range such as 10.0.0.0/8.',
          },
        },
      ]);
    });
  });

  describe('of a template with conditions', () => {
    const model = fixtureModel('conditional-dns.yaml');

    it('reads parameters used only under a condition like any other, blank defaults kept', () => {
      expect(model.parameters.map((p) => [p.key, p.type.kind, p.default])).toEqual([
        ['HostedZoneId', 'string', ''],
        ['DomainName', 'string', ''],
        ['CertificateArn', 'string', ''],
        ['BastionKeyName', 'string', ''],
        ['Environment', 'string', undefined],
      ]);
    });

    it('anchors an alternation with an empty branch as one group', () => {
      expect(findParameter(model, 'DomainName')?.constraints.allowedPattern).toBe(
        '^(?:|([a-z0-9-]+\\.)+[a-z]{2,})$',
      );
    });
  });

  describe('of a template with SSM types', () => {
    const model = fixtureModel('ssm-types.yaml');

    it('classifies the parameter name type and each Value<T> with what it resolves to', () => {
      expect(model.parameters.map((p) => [p.key, p.type, p.default])).toEqual([
        [
          'AgentAmiId',
          { kind: 'ssm-value', valueType: 'AWS::EC2::Image::Id', list: false },
          '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
        ],
        ['ImageTagParameter', { kind: 'ssm-name' }, undefined],
        [
          'ControllerImage',
          { kind: 'ssm-value', valueType: 'String', list: false },
          '/jenkins/controller-image',
        ],
        [
          'PluginList',
          { kind: 'ssm-value', valueType: 'List<String>', list: true },
          '/jenkins/plugins',
        ],
        [
          'AdminEmails',
          { kind: 'ssm-value', valueType: 'CommaDelimitedList', list: true },
          '/jenkins/admin-emails',
        ],
        [
          'SharedSubnets',
          { kind: 'ssm-value', valueType: 'List<AWS::EC2::Subnet::Id>', list: true },
          '/network/private-subnets',
        ],
      ]);
    });
  });

  describe('of a template with list types', () => {
    const model = fixtureModel('lists.yaml');

    it('classifies AWS lists, number lists and comma-delimited lists', () => {
      expect(model.parameters.map((p) => [p.key, p.type])).toEqual([
        ['AlbSubnets', { kind: 'aws-specific', awsType: 'AWS::EC2::Subnet::Id', list: true }],
        ['ExtraCidrs', { kind: 'comma-list' }],
        ['AgentPorts', { kind: 'number-list' }],
        [
          'SecurityGroups',
          { kind: 'aws-specific', awsType: 'AWS::EC2::SecurityGroup::Id', list: true },
        ],
        [
          'Zones',
          { kind: 'aws-specific', awsType: 'AWS::EC2::AvailabilityZone::Name', list: true },
        ],
        ['LogLevels', { kind: 'comma-list' }],
      ]);
    });

    it('takes list defaults as the single string CloudFormation receives', () => {
      expect(model.parameters.map((p) => [p.key, p.default])).toEqual([
        ['AlbSubnets', undefined],
        ['ExtraCidrs', ''],
        ['AgentPorts', '22, 50000'],
        ['SecurityGroups', undefined],
        ['Zones', undefined],
        ['LogLevels', 'INFO,WARNING'],
      ]);
      expect(findParameter(model, 'AgentPorts')?.constraints).toEqual({
        minValue: 1,
        maxValue: 65535,
      });
    });
  });

  describe('of a template with unanchored patterns', () => {
    const model = fixtureModel('patterns.yaml');

    it('anchors every pattern to the whole value and keeps the written form', () => {
      expect(
        model.parameters.map((p) => [
          p.key,
          p.constraints.allowedPattern,
          p.constraints.allowedPatternAsWritten,
        ]),
      ).toEqual([
        ['ClusterName', '^(?:[a-z][a-z0-9-]*)$', '[a-z][a-z0-9-]*'],
        ['Stage', '^(?:dev|staging|prod)$', 'dev|staging|prod'],
        ['AnchoredName', '^(?:^[A-Za-z0-9]+$)$', '^[A-Za-z0-9]+$'],
        [
          'OptionalArn',
          '^(?:^$|^arn:aws:acm:[a-z0-9-]+:\\d{12}:certificate/.+$)$',
          '^$|^arn:aws:acm:[a-z0-9-]+:\\d{12}:certificate/.+$',
        ],
        ['Suffixes', '^(?:[a-z]\\d)$', '[a-z]\\d'],
      ]);
    });

    it('makes an alternation match only a whole branch', () => {
      const pattern = new RegExp(findParameter(model, 'Stage')?.constraints.allowedPattern ?? '');
      expect(['dev', 'staging', 'prod'].every((value) => pattern.test(value))).toBe(true);
      expect(['devx', 'xprod', 'dev|prod', 'development'].some((v) => pattern.test(v))).toBe(false);
    });
  });

  describe('of a template writing numbers as strings and the reverse', () => {
    const model = fixtureModel('numbers-as-strings.yaml');

    it('reads bounds as numbers and defaults and allowed values as strings', () => {
      expect(model.parameters.map((p) => [p.key, p.default, p.constraints])).toEqual([
        ['AgentInstanceCap', '10', { minValue: 1, maxValue: 200 }],
        ['ControllerCpu', '1024', { allowedValues: ['256', '512', '1024', '2048'] }],
        ['DiskRatio', '0.75', { minValue: 0.1, maxValue: 1 }],
        ['ReleaseTrack', '2.4', { allowedValues: ['2.4', '2.5', '2.10'] }],
        ['ControllerEnabled', 'true', { allowedValues: ['true', 'false'] }],
        ['BuildNamePrefix', '42', { minLength: 2, maxLength: 8 }],
      ]);
    });
  });

  describe('of a template with NoEcho parameters', () => {
    it('marks NoEcho whether written as a boolean or as a string', () => {
      const model = fixtureModel('no-echo.yaml');
      expect(model.parameters.map((p) => [p.key, p.noEcho])).toEqual([
        ['JenkinsAdminPassword', true],
        ['GitHubToken', true],
        ['AgentInstanceCap', false],
      ]);
      expect(findParameter(model, 'JenkinsAdminPassword')?.constraints).toEqual({ minLength: 12 });
    });
  });

  describe('of a template with key pairs', () => {
    it('tells the AWS-typed key pair from the optional String one', () => {
      const model = fixtureModel('key-pairs.yaml');
      expect(model.parameters.map((p) => [p.key, p.type, p.default])).toEqual([
        [
          'AgentKeyName',
          { kind: 'aws-specific', awsType: 'AWS::EC2::KeyPair::KeyName', list: false },
          'build-key',
        ],
        ['BastionKeyName', { kind: 'string' }, ''],
      ]);
    });
  });

  describe('interface metadata', () => {
    it('shows each parameter once, ignores removed ones and collects the rest last (C10)', () => {
      const model = fixtureModel('interface-partial-groups.yaml');
      expect(groupKeys(model)).toEqual([
        ['General', ['ClusterStackName', 'TimeZone']],
        ['Controller', ['ControllerCpu', 'ControllerMemory']],
        ['Network', ['AlbSubnets']],
        ['Other parameters', ['AgentInstanceCap', 'AgentKeyName']],
      ]);
    });

    it('uses a label for display while the key stays the API name (C10)', () => {
      const model = fixtureModel('interface-partial-groups.yaml');
      const cpu = findParameter(model, 'ControllerCpu');
      expect([cpu?.key, cpu?.label]).toEqual(['ControllerCpu', 'Controller CPU units']);
      expect(findParameter(model, 'ControllerMemory')?.label).toBe('ControllerMemory');
    });

    it('drops a group whose every entry is gone and applies labels without groups', () => {
      const model = fixtureModel('interface-labels-only.yaml');
      expect(groupKeys(model)).toEqual([['Other parameters', ['RetentionDays', 'BuildBucket']]]);
      expect(model.parameters.map((p) => p.label)).toEqual([
        'Keep artifacts for (days)',
        'Artifact bucket',
      ]);
    });

    it('reads groups from a template that uses a Transform (C10)', () => {
      const model = fixtureModel('serverless-transform.yaml');
      expect(groupKeys(model)).toEqual([
        ['Webhook', ['WebhookPath', 'JenkinsUrl']],
        ['Other parameters', ['MemorySize']],
      ]);
      expect(findParameter(model, 'JenkinsUrl')?.label).toBe('Jenkins URL');
    });

    it('groups everything under one heading when there are only labels', () => {
      const model = parameterModel({
        Metadata: {
          'AWS::CloudFormation::Interface': { ParameterLabels: { A: { default: 'Alpha' } } },
        },
        Parameters: { B: { Type: 'String' }, A: { Type: 'String' } },
      });
      expect(groupKeys(model)).toEqual([['Parameters', ['B', 'A']]]);
    });

    it('gives a template without parameters no groups', () => {
      expect(fixtureModel('no-parameters.yaml')).toEqual({ parameters: [], groups: [] });
    });
  });

  it('places the scale-limit template in its declared group', () => {
    const model = fixtureModel('scale-limits.yaml');
    expect(groupKeys(model)).toEqual([
      ['Agent pool', ['AgentInstanceCap', 'WarmAgents', 'AgentIdleMinutes']],
    ]);
    expect(findParameter(model, 'AgentInstanceCap')?.label).toBe('Agent instance cap');
  });
});
