import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  STACK_TEMPLATE_PATH,
  at,
  entriesOf,
  itemsOf,
  loadStackTemplate,
} from '@/test/cloudformation/stack-template';
import { directReferences } from '@/test/cloudformation/template-references';

const template = loadStackTemplate();
const resources = entriesOf(template.Resources);
const parameters = entriesOf(template.Parameters);

function resourcesOfType(type: string): [string, unknown][] {
  return resources.filter(([, resource]) => at(resource, 'Type') === type);
}

function onlyResourceOfType(type: string): unknown {
  const found = resourcesOfType(type);
  expect(found, `exactly one ${type}`).toHaveLength(1);
  return found[0]?.[1];
}

describe('stack template', () => {
  describe('parameters', () => {
    it('declares exactly the parameters the dashboard and the sandbox rely on', () => {
      expect(parameters.map(([name]) => name).sort()).toEqual(
        [
          'VpcId',
          'LoadBalancerSubnets',
          'ServiceSubnets',
          'AllowedCidr',
          'HostedZoneId',
          'DomainName',
          'CertificateArn',
          'JenkinsAdminPassword',
          'ControllerImage',
          'ControllerCpu',
          'ControllerMemory',
          'ControllerEnabled',
          'AgentInstanceCap',
          'WarmAgents',
          'AgentIdleMinutes',
          'AgentInstanceType',
          'AgentAmiId',
        ].sort(),
      );
    });

    it('uses AWS-specific types for the VPC, subnets and AMI', () => {
      const params = template.Parameters;
      expect(at(params, 'VpcId', 'Type')).toBe('AWS::EC2::VPC::Id');
      expect(at(params, 'LoadBalancerSubnets', 'Type')).toBe('List<AWS::EC2::Subnet::Id>');
      expect(at(params, 'ServiceSubnets', 'Type')).toBe('List<AWS::EC2::Subnet::Id>');
      expect(at(params, 'AgentAmiId', 'Type')).toBe(
        'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
      );
      expect(at(params, 'AgentAmiId', 'Default')).toBe(
        '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      );
    });

    it('bounds the scale limits as the scale control expects', () => {
      const params = template.Parameters;
      expect(at(params, 'AgentInstanceCap')).toMatchObject({
        Type: 'Number',
        MinValue: 1,
        MaxValue: 200,
        Default: 10,
      });
      expect(at(params, 'WarmAgents')).toMatchObject({
        Type: 'Number',
        MinValue: 0,
        MaxValue: 50,
        Default: 0,
      });
      expect(at(params, 'AgentIdleMinutes')).toMatchObject({
        Type: 'Number',
        MinValue: 1,
        MaxValue: 1440,
        Default: 30,
      });
      expect(at(params, 'AgentInstanceType', 'Default')).toBe('t3.large');
      expect(at(params, 'AgentInstanceType', 'AllowedValues')).toContain('t3.large');
      expect(at(params, 'ControllerEnabled', 'AllowedValues')).toEqual(['true', 'false']);
    });

    it('hides the admin password and asks for at least 12 characters', () => {
      expect(at(template.Parameters, 'JenkinsAdminPassword')).toMatchObject({
        Type: 'String',
        NoEcho: true,
        MinLength: 12,
      });
      const noEcho = parameters.filter(([, parameter]) => at(parameter, 'NoEcho') === true);
      expect(noEcho.map(([name]) => name)).toEqual(['JenkinsAdminPassword']);
    });

    it('describes every parameter and explains its constraint', () => {
      for (const [name, parameter] of parameters) {
        expect(at(parameter, 'Description'), `${name} Description`).toEqual(expect.any(String));
        expect(at(parameter, 'ConstraintDescription'), `${name} ConstraintDescription`).toEqual(
          expect.any(String),
        );
      }
    });

    it('puts every parameter in exactly one interface group and labels it', () => {
      const groups = itemsOf(
        at(template.Metadata, 'AWS::CloudFormation::Interface', 'ParameterGroups'),
      );
      const labels = at(template.Metadata, 'AWS::CloudFormation::Interface', 'ParameterLabels');

      expect(groups.map((group) => at(group, 'Label', 'default'))).toEqual([
        'Network',
        'DNS and TLS',
        'Controller',
        'Agent scale limits',
        'Agent instances',
      ]);
      const grouped = groups.flatMap((group) => itemsOf(at(group, 'Parameters')));
      expect([...grouped].sort()).toEqual(parameters.map(([name]) => name).sort());
      for (const [name] of parameters) {
        expect(at(labels, name, 'default'), `label of ${name}`).toEqual(expect.any(String));
      }
    });
  });

  describe('resources', () => {
    it('uses only the resource types the sandbox deploys', () => {
      const allowed = [
        'AWS::Logs::LogGroup',
        'AWS::ECS::Cluster',
        'AWS::EC2::SecurityGroup',
        'AWS::EC2::SecurityGroupIngress',
        'AWS::EFS::FileSystem',
        'AWS::EFS::MountTarget',
        'AWS::EFS::AccessPoint',
        'AWS::IAM::Role',
        'AWS::IAM::Policy',
        'AWS::IAM::InstanceProfile',
        'AWS::SecretsManager::Secret',
        'AWS::SSM::Parameter',
        'AWS::EC2::KeyPair',
        'AWS::ElasticLoadBalancingV2::LoadBalancer',
        'AWS::ElasticLoadBalancingV2::TargetGroup',
        'AWS::ElasticLoadBalancingV2::Listener',
        'AWS::ECS::TaskDefinition',
        'AWS::ECS::Service',
        'AWS::Route53::RecordSet',
        'AWS::Lambda::Function',
        'Custom::AgentReaper',
      ];
      for (const [logicalId, resource] of resources) {
        expect(allowed, `type of ${logicalId}`).toContain(at(resource, 'Type'));
      }
      for (const [logicalId, record] of resourcesOfType('AWS::Route53::RecordSet')) {
        expect(at(record, 'Condition'), `condition of ${logicalId}`).toBe('HasHostedZone');
      }
    });

    it('runs one controller task behind a load balancer health check on /login', () => {
      const service = onlyResourceOfType('AWS::ECS::Service');
      const targetGroup = onlyResourceOfType('AWS::ElasticLoadBalancingV2::TargetGroup');
      const containers = itemsOf(
        at(onlyResourceOfType('AWS::ECS::TaskDefinition'), 'Properties', 'ContainerDefinitions'),
      );

      expect(containers).toHaveLength(1);
      expect(at(targetGroup, 'Properties')).toMatchObject({
        TargetType: 'ip',
        Port: 8080,
        HealthCheckPath: '/login',
        Matcher: { HttpCode: '200' },
      });
      expect(at(service, 'Properties', 'LoadBalancers', 0, 'ContainerPort')).toBe(8080);
    });

    it('deploys the controller at 100% maximum and 0% minimum so two never overlap', () => {
      const service = onlyResourceOfType('AWS::ECS::Service');
      expect(at(service, 'Properties', 'DeploymentConfiguration')).toEqual({
        MaximumPercent: 100,
        MinimumHealthyPercent: 0,
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      });
    });

    it('maps ControllerEnabled to a desired count of 1 or 0', () => {
      const service = onlyResourceOfType('AWS::ECS::Service');
      expect(at(service, 'Properties', 'DesiredCount')).toEqual({
        'Fn::If': ['ControllerOn', 1, 0],
      });
      expect(at(template.Conditions, 'ControllerOn')).toEqual({
        'Fn::Equals': [{ Ref: 'ControllerEnabled' }, 'true'],
      });
    });

    it('keeps JENKINS_HOME on an encrypted EFS file system mounted into the controller', () => {
      const fileSystem = onlyResourceOfType('AWS::EFS::FileSystem');
      const taskDefinition = onlyResourceOfType('AWS::ECS::TaskDefinition');
      const volume = itemsOf(at(taskDefinition, 'Properties', 'Volumes'))[0];
      const container = at(taskDefinition, 'Properties', 'ContainerDefinitions', 0);

      expect(at(fileSystem, 'Properties', 'Encrypted')).toBe(true);
      expect(at(volume, 'EFSVolumeConfiguration')).toMatchObject({
        FilesystemId: { Ref: 'FileSystem' },
        TransitEncryption: 'ENABLED',
        AuthorizationConfig: { AccessPointId: { Ref: 'JenkinsHomeAccessPoint' } },
      });
      expect(at(container, 'MountPoints', 0)).toMatchObject({
        SourceVolume: at(volume, 'Name'),
        ContainerPath: '/var/jenkins_home',
      });
    });

    it('places one EFS mount target in each of the first two service subnets', () => {
      const subnets = resourcesOfType('AWS::EFS::MountTarget').map(([, target]) =>
        at(target, 'Properties', 'SubnetId'),
      );
      expect(subnets).toEqual([
        { 'Fn::Select': [0, { Ref: 'ServiceSubnets' }] },
        { 'Fn::Select': [1, { Ref: 'ServiceSubnets' }] },
      ]);
    });

    it('passes the admin password to the task as a Secrets Manager secret, never in plain text', () => {
      const taskDefinition = onlyResourceOfType('AWS::ECS::TaskDefinition');
      const container = at(taskDefinition, 'Properties', 'ContainerDefinitions', 0);
      const secret = itemsOf(at(container, 'Secrets')).find(
        (entry) => at(entry, 'Name') === 'JENKINS_ADMIN_PASSWORD',
      );

      expect(at(secret, 'ValueFrom')).toEqual({ Ref: 'AdminPasswordSecret' });
      expect(at(template.Resources, 'AdminPasswordSecret', 'Properties', 'SecretString')).toEqual({
        Ref: 'JenkinsAdminPassword',
      });
      const readers = resources.filter(([, resource]) =>
        directReferences(resource, {}).has('JenkinsAdminPassword'),
      );
      expect(readers.map(([logicalId]) => logicalId)).toEqual(['AdminPasswordSecret']);
    });

    it('makes the agents’ key pair and hands its private key to the controller from SSM, readable by the execution role alone', () => {
      const keyPair = onlyResourceOfType('AWS::EC2::KeyPair');
      expect(at(keyPair, 'Properties')).toEqual({
        KeyName: { 'Fn::Sub': '${AWS::StackName}-agents' },
        KeyType: 'rsa',
      });
      const privateKey = {
        'Fn::Sub':
          'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/ec2/keypair/${AgentKeyPair.KeyPairId}',
      };
      const container = at(
        onlyResourceOfType('AWS::ECS::TaskDefinition'),
        'Properties',
        'ContainerDefinitions',
        0,
      );
      const secret = itemsOf(at(container, 'Secrets')).find(
        (entry) => at(entry, 'Name') === 'AGENT_SSH_PRIVATE_KEY',
      );
      expect(at(secret, 'ValueFrom')).toEqual(privateKey);

      const readers = resources.filter(([, resource]) =>
        JSON.stringify(resource).includes('parameter/ec2/keypair/'),
      );
      expect(readers.map(([logicalId]) => logicalId).sort()).toEqual([
        'ControllerTaskDefinition',
        'TaskExecutionRole',
      ]);
      const statements = itemsOf(
        at(
          template.Resources,
          'TaskExecutionRole',
          'Properties',
          'Policies',
          0,
          'PolicyDocument',
          'Statement',
        ),
      );
      expect(statements).toContainEqual({
        Effect: 'Allow',
        Action: 'ssm:GetParameters',
        Resource: privateKey,
      });
      expect(at(template.Resources, 'AgentKeyNameSetting', 'Properties', 'Value')).toEqual({
        Ref: 'AgentKeyPair',
      });
    });

    it('reaps the agents on deletion after the controller stops and before their security group goes', () => {
      const reaper = at(template.Resources, 'AgentReaper');
      expect(at(reaper, 'Properties')).toEqual({
        ServiceToken: { 'Fn::GetAtt': ['AgentReaperFunction', 'Arn'] },
        ServiceTimeout: 960,
        AgentTagKey: at(template.Outputs, 'AgentTagKey', 'Value'),
        AgentTagValue: { Ref: 'AWS::StackName' },
        AgentSecurityGroup: { Ref: 'AgentSecurityGroup' },
      });
      // CloudFormation deletes in reverse dependency order: the service before the reaper, the
      // reaper before the security group it names.
      expect(itemsOf(at(template.Resources, 'ControllerService', 'DependsOn'))).toContain(
        'AgentReaper',
      );

      const fn = at(template.Resources, 'AgentReaperFunction', 'Properties');
      expect(at(fn, 'Runtime')).toMatch(/^nodejs\d+\.x$/);
      expect(at(fn, 'Code', 'ZipFile')).toContain("RequestType === 'Delete'");
      // Reaps only when the stack itself goes, never on an update's clean-up.
      expect(at(fn, 'Code', 'ZipFile')).toContain("status === 'DELETE_IN_PROGRESS'");
      const role = at(template.Resources, 'AgentReaperRole', 'Properties');
      expect(at(role, 'Path')).toBe('/jenkins-on-aws/agent-reaper/');
      const statements = itemsOf(at(role, 'Policies', 0, 'PolicyDocument', 'Statement'));
      const terminate = statements.find(
        (statement) => at(statement, 'Action') === 'ec2:TerminateInstances',
      );
      expect(at(terminate, 'Condition')).toEqual({
        StringEquals: { 'ec2:ResourceTag/jenkins-on-aws:stack': { Ref: 'AWS::StackName' } },
      });
    });

    it('tells the controller where its scale settings live by a constant SSM prefix', () => {
      const container = at(
        onlyResourceOfType('AWS::ECS::TaskDefinition'),
        'Properties',
        'ContainerDefinitions',
        0,
      );
      const prefix = itemsOf(at(container, 'Environment')).find(
        (entry) => at(entry, 'Name') === 'SCALE_SETTINGS_PREFIX',
      );
      expect(at(prefix, 'Value')).toEqual({ 'Fn::Sub': '/jenkins-on-aws/${AWS::StackName}/' });

      const settingNames = resourcesOfType('AWS::SSM::Parameter').map(([, setting]) =>
        at(setting, 'Properties', 'Name', 'Fn::Sub'),
      );
      expect(settingNames).toEqual(
        expect.arrayContaining(
          ['agent-cap', 'warm-agents', 'idle-minutes', 'agent-instance-type', 'agent-ami'].map(
            (name) => `/jenkins-on-aws/\${AWS::StackName}/${name}`,
          ),
        ),
      );
    });
  });

  describe('outputs', () => {
    it('names everything the dashboard discovers the stack by', () => {
      expect(
        entriesOf(template.Outputs)
          .map(([name]) => name)
          .sort(),
      ).toEqual(
        [
          'JenkinsUrl',
          'LoadBalancerDnsName',
          'ClusterName',
          'ControllerServiceName',
          'ControllerServiceArn',
          'TargetGroupArn',
          'ControllerTaskDefinitionArn',
          'AgentCloudName',
          'AgentTagKey',
          'AgentTagValue',
          'ScaleSettingsPrefix',
          'ControlPlaneTemplate',
          'LogGroupName',
        ].sort(),
      );
      expect(at(template.Outputs, 'AgentTagKey', 'Value')).toBe('jenkins-on-aws:stack');
      expect(at(template.Outputs, 'AgentTagValue', 'Value')).toEqual({ Ref: 'AWS::StackName' });
      expect(at(template.Outputs, 'ControlPlaneTemplate', 'Value')).toBe('jenkins-on-aws/v1');
      expect(at(template.Outputs, 'ScaleSettingsPrefix', 'Value')).toEqual({
        'Fn::Sub': '/jenkins-on-aws/${AWS::StackName}/',
      });
    });
  });

  describe('cfn-lint', () => {
    it('finds no errors, warnings or notes in the template', { timeout: 120_000 }, () => {
      const run = spawnSync('cfn-lint', [STACK_TEMPLATE_PATH], { encoding: 'utf8' });
      if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
        throw new Error('cfn-lint is not installed: run `pip install cfn-lint` (CI installs it).');
      }
      expect(run.status, `cfn-lint output:\n${run.stdout}${run.stderr}`).toBe(0);
    });
  });
});
