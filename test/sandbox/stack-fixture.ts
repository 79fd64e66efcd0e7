import type { ResourceRequest } from '@/sandbox/core/provider';
import type { RunningSandbox } from '@/sandbox/index';
import { REGION } from './support';

/** What the fixture deployed: the ids a test needs. */
export interface DeployedStack {
  readonly stackName: string;
  readonly clusterName: string;
  readonly serviceArn: string;
  readonly targetGroupArn: string;
  readonly loadBalancerArn: string;
  readonly dnsName: string;
  readonly taskDefinitionArn: string;
  readonly prefix: string;
}

/**
 * Deploys the controller's resources through the sandbox's providers, in the order the
 * CloudFormation engine would, with the properties the project's template gives them. Lets the
 * world simulation be tested without the CloudFormation engine.
 */
export function deployControllerStack(
  sandbox: RunningSandbox,
  options: {
    stackName?: string;
    cap?: number;
    warm?: number;
    idleMinutes?: number;
    desiredCount?: number;
    circuitBreaker?: boolean;
    /** The container's secrets, as `{ Name, ValueFrom }` (none by default). */
    secrets?: readonly { Name: string; ValueFrom: string }[];
  } = {},
): DeployedStack {
  const stackName = options.stackName ?? 'jenkins-demo';
  const stackId = `arn:aws:cloudformation:${REGION}:123456789012:stack/${stackName}/0000`;
  const region = sandbox.world.region(REGION);
  // The sandbox VPC, not the account's default one.
  const vpcId = Object.values(region.vpcs).find((vpc) => !vpc.isDefault)?.vpcId ?? '';
  const subnets = Object.values(region.subnets).filter((subnet) => subnet.vpcId === vpcId);
  const publicSubnets = subnets
    .filter((subnet) => subnet.mapPublicIpOnLaunch)
    .map((subnet) => subnet.subnetId);
  const privateSubnets = subnets
    .filter((subnet) => !subnet.mapPublicIpOnLaunch)
    .map((subnet) => subnet.subnetId);
  const prefix = `/jenkins-on-aws/${stackName}/`;

  const create = (logicalId: string, resourceType: string, properties: Record<string, unknown>) => {
    const provider = sandbox.providers.get(resourceType);
    if (!provider) throw new Error(`no provider for ${resourceType}`);
    const request: ResourceRequest = {
      logicalId,
      resourceType,
      properties,
      stackName,
      stackId,
      region: REGION,
      accountId: '123456789012',
    };
    return provider.create(request);
  };

  const cluster = create('Cluster', 'AWS::ECS::Cluster', {});
  const controllerGroup = create('ControllerSecurityGroup', 'AWS::EC2::SecurityGroup', {
    GroupDescription: 'controller',
    VpcId: vpcId,
  });
  const agentGroup = create('AgentSecurityGroup', 'AWS::EC2::SecurityGroup', {
    GroupDescription: 'agents',
    VpcId: vpcId,
  });
  const balancer = create('LoadBalancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer', {
    Type: 'application',
    Subnets: publicSubnets,
  });
  const dnsName = String(balancer.attributes.DNSName);
  const settings: Record<string, string> = {
    'agent-cap': String(options.cap ?? 10),
    'warm-agents': String(options.warm ?? 0),
    'idle-minutes': String(options.idleMinutes ?? 30),
    'agent-instance-type': 't3.large',
    'agent-ami': Object.keys(region.images)[0] ?? '',
    'agent-subnets': privateSubnets.join(' '),
    'agent-security-group': controllerGroup.physicalId === '' ? '' : agentGroup.physicalId,
    'agent-instance-profile': `arn:aws:iam::123456789012:instance-profile/${stackName}-agents`,
    'agent-key-name': 'jenkins-agents',
    'jenkins-url': `http://${dnsName}/`,
  };
  for (const [key, value] of Object.entries(settings)) {
    create(`Setting${key}`, 'AWS::SSM::Parameter', {
      Name: `${prefix}${key}`,
      Type: 'String',
      Value: value,
    });
  }
  const group = create('TargetGroup', 'AWS::ElasticLoadBalancingV2::TargetGroup', {
    TargetType: 'ip',
    Protocol: 'HTTP',
    Port: 8080,
    VpcId: vpcId,
    HealthCheckPath: '/login',
    HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 10,
    HealthyThresholdCount: 2,
    UnhealthyThresholdCount: 5,
    Matcher: { HttpCode: '200' },
    TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
  });
  create('HttpListener', 'AWS::ElasticLoadBalancingV2::Listener', {
    LoadBalancerArn: balancer.physicalId,
    Protocol: 'HTTP',
    Port: 80,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: group.physicalId }],
  });
  const taskDefinition = create('ControllerTaskDefinition', 'AWS::ECS::TaskDefinition', {
    Family: `${stackName}-controller`,
    RequiresCompatibilities: ['FARGATE'],
    NetworkMode: 'awsvpc',
    Cpu: '1024',
    Memory: '2048',
    ContainerDefinitions: [
      {
        Name: 'jenkins',
        Image: 'jenkins/jenkins:lts-jdk21',
        Essential: true,
        PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp' }],
        Environment: [
          { Name: 'STACK_NAME', Value: stackName },
          { Name: 'AWS_REGION', Value: REGION },
          { Name: 'SCALE_SETTINGS_PREFIX', Value: prefix },
          { Name: 'CASC_SSM_PREFIX', Value: prefix },
          { Name: 'AGENT_CLOUD_NAME', Value: `${stackName}-agents` },
        ],
        ...(options.secrets === undefined ? {} : { Secrets: options.secrets }),
      },
    ],
  });
  const service = create('ControllerService', 'AWS::ECS::Service', {
    Cluster: cluster.physicalId,
    TaskDefinition: taskDefinition.physicalId,
    LaunchType: 'FARGATE',
    DesiredCount: options.desiredCount ?? 1,
    DeploymentConfiguration: {
      MaximumPercent: 100,
      MinimumHealthyPercent: 0,
      DeploymentCircuitBreaker: { Enable: options.circuitBreaker ?? true, Rollback: true },
    },
    HealthCheckGracePeriodSeconds: 60,
    NetworkConfiguration: {
      AwsvpcConfiguration: {
        AssignPublicIp: 'DISABLED',
        Subnets: privateSubnets,
        SecurityGroups: [controllerGroup.physicalId],
      },
    },
    LoadBalancers: [
      { ContainerName: 'jenkins', ContainerPort: 8080, TargetGroupArn: group.physicalId },
    ],
  });

  return {
    stackName,
    clusterName: cluster.physicalId,
    serviceArn: service.physicalId,
    targetGroupArn: group.physicalId,
    loadBalancerArn: balancer.physicalId,
    dnsName,
    taskDefinitionArn: taskDefinition.physicalId,
    prefix,
  };
}
