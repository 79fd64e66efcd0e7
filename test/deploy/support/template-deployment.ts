/**
 * The calls CloudFormation makes with the dashboard's credentials when it deploys
 * cloudformation/jenkins.yaml (the dashboard passes no service role, so CloudFormation acts
 * with the caller's permissions, through forward access sessions that set aws:CalledVia).
 * They are the only actions the policy may grant that the dashboard's own code never sends.
 * Listed per resource type of the template, from each type's create, update and delete
 * handlers, so a new resource type in the template fails the policy test until it is here.
 */
export const DEPLOYMENT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'AWS::Logs::LogGroup': [
    'logs:CreateLogGroup',
    'logs:DeleteLogGroup',
    'logs:DeleteRetentionPolicy',
    'logs:DescribeLogGroups',
    'logs:ListTagsForResource',
    'logs:PutRetentionPolicy',
    'logs:TagResource',
    'logs:UntagResource',
  ],
  'AWS::ECS::Cluster': [
    'ecs:CreateCluster',
    'ecs:DeleteCluster',
    'ecs:DescribeClusters',
    'ecs:TagResource',
    'ecs:UntagResource',
    'ecs:UpdateCluster',
    'iam:CreateServiceLinkedRole',
  ],
  'AWS::EC2::SecurityGroup': [
    'ec2:AuthorizeSecurityGroupEgress',
    'ec2:AuthorizeSecurityGroupIngress',
    'ec2:CreateSecurityGroup',
    'ec2:CreateTags',
    'ec2:DeleteSecurityGroup',
    'ec2:DeleteTags',
    'ec2:DescribeSecurityGroupRules',
    'ec2:DescribeSecurityGroups',
    'ec2:RevokeSecurityGroupEgress',
    'ec2:RevokeSecurityGroupIngress',
  ],
  'AWS::EC2::SecurityGroupIngress': [
    'ec2:AuthorizeSecurityGroupIngress',
    'ec2:DescribeSecurityGroupRules',
    'ec2:RevokeSecurityGroupIngress',
  ],
  'AWS::EFS::FileSystem': [
    'elasticfilesystem:CreateFileSystem',
    'elasticfilesystem:DeleteFileSystem',
    'elasticfilesystem:DescribeBackupPolicy',
    'elasticfilesystem:DescribeFileSystems',
    'elasticfilesystem:DescribeLifecycleConfiguration',
    'elasticfilesystem:ListTagsForResource',
    'elasticfilesystem:PutBackupPolicy',
    'elasticfilesystem:PutLifecycleConfiguration',
    'elasticfilesystem:TagResource',
    'elasticfilesystem:UntagResource',
    'elasticfilesystem:UpdateFileSystem',
    'iam:CreateServiceLinkedRole',
  ],
  // A mount target is a network interface in the caller's subnet, made with the caller's rights.
  'AWS::EFS::MountTarget': [
    'ec2:CreateNetworkInterface',
    'ec2:DeleteNetworkInterface',
    'ec2:DescribeNetworkInterfaces',
    'ec2:DescribeSubnets',
    'elasticfilesystem:CreateMountTarget',
    'elasticfilesystem:DeleteMountTarget',
    'elasticfilesystem:DescribeMountTargetSecurityGroups',
    'elasticfilesystem:DescribeMountTargets',
    'elasticfilesystem:ModifyMountTargetSecurityGroups',
  ],
  'AWS::EFS::AccessPoint': [
    'elasticfilesystem:CreateAccessPoint',
    'elasticfilesystem:DeleteAccessPoint',
    'elasticfilesystem:DescribeAccessPoints',
    'elasticfilesystem:TagResource',
  ],
  'AWS::IAM::Role': [
    'iam:AttachRolePolicy',
    'iam:CreateRole',
    'iam:DeleteRole',
    'iam:DeleteRolePolicy',
    'iam:DetachRolePolicy',
    'iam:GetRole',
    'iam:GetRolePolicy',
    'iam:ListAttachedRolePolicies',
    'iam:ListRolePolicies',
    'iam:PutRolePolicy',
    'iam:TagRole',
    'iam:UntagRole',
    'iam:UpdateAssumeRolePolicy',
    'iam:UpdateRoleDescription',
  ],
  'AWS::IAM::Policy': ['iam:DeleteRolePolicy', 'iam:GetRolePolicy', 'iam:PutRolePolicy'],
  // Adding a role to an instance profile passes the role.
  'AWS::IAM::InstanceProfile': [
    'iam:AddRoleToInstanceProfile',
    'iam:CreateInstanceProfile',
    'iam:DeleteInstanceProfile',
    'iam:GetInstanceProfile',
    'iam:PassRole',
    'iam:RemoveRoleFromInstanceProfile',
  ],
  'AWS::SecretsManager::Secret': [
    'secretsmanager:CreateSecret',
    'secretsmanager:DeleteSecret',
    'secretsmanager:DescribeSecret',
    'secretsmanager:PutSecretValue',
    'secretsmanager:TagResource',
    'secretsmanager:UntagResource',
    'secretsmanager:UpdateSecret',
  ],
  'AWS::SSM::Parameter': [
    'ssm:AddTagsToResource',
    'ssm:DeleteParameter',
    'ssm:GetParameters',
    'ssm:ListTagsForResource',
    'ssm:PutParameter',
    'ssm:RemoveTagsFromResource',
  ],
  'AWS::ElasticLoadBalancingV2::LoadBalancer': [
    'elasticloadbalancing:AddTags',
    'elasticloadbalancing:CreateLoadBalancer',
    'elasticloadbalancing:DeleteLoadBalancer',
    'elasticloadbalancing:DescribeLoadBalancerAttributes',
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeTags',
    'elasticloadbalancing:ModifyLoadBalancerAttributes',
    'elasticloadbalancing:RemoveTags',
    'elasticloadbalancing:SetSecurityGroups',
    'elasticloadbalancing:SetSubnets',
    'iam:CreateServiceLinkedRole',
  ],
  'AWS::ElasticLoadBalancingV2::TargetGroup': [
    'elasticloadbalancing:AddTags',
    'elasticloadbalancing:CreateTargetGroup',
    'elasticloadbalancing:DeleteTargetGroup',
    'elasticloadbalancing:DescribeTags',
    'elasticloadbalancing:DescribeTargetGroupAttributes',
    'elasticloadbalancing:DescribeTargetGroups',
    'elasticloadbalancing:ModifyTargetGroup',
    'elasticloadbalancing:ModifyTargetGroupAttributes',
    'elasticloadbalancing:RemoveTags',
  ],
  'AWS::ElasticLoadBalancingV2::Listener': [
    'elasticloadbalancing:CreateListener',
    'elasticloadbalancing:DeleteListener',
    'elasticloadbalancing:DescribeListeners',
    'elasticloadbalancing:ModifyListener',
  ],
  // Registering a task definition passes its execution and task roles to ECS tasks.
  'AWS::ECS::TaskDefinition': [
    'ecs:DeregisterTaskDefinition',
    'ecs:DescribeTaskDefinition',
    'ecs:RegisterTaskDefinition',
    'ecs:TagResource',
    'iam:PassRole',
  ],
  'AWS::ECS::Service': [
    'ecs:CreateService',
    'ecs:DeleteService',
    'ecs:DescribeServices',
    'ecs:TagResource',
    'ecs:UpdateService',
    'elasticloadbalancing:DescribeTargetGroups',
    'iam:CreateServiceLinkedRole',
  ],
  // EC2 makes the pair; CloudFormation stores its private key in /ec2/keypair/<id> and
  // deletes both with the stack.
  'AWS::EC2::KeyPair': [
    'ec2:CreateKeyPair',
    'ec2:CreateTags',
    'ec2:DeleteKeyPair',
    'ec2:DescribeKeyPairs',
    'ssm:DeleteParameter',
    'ssm:PutParameter',
  ],
  // The agent reaper: CloudFormation makes the function, and invokes it with the caller's
  // rights on every create, update and delete of the custom resource.
  'AWS::Lambda::Function': [
    'lambda:CreateFunction',
    'lambda:DeleteFunction',
    'lambda:GetFunction',
    'lambda:GetFunctionCodeSigningConfig',
    'lambda:GetFunctionRecursionConfig',
    'lambda:GetRuntimeManagementConfig',
    'lambda:ListTags',
    'lambda:TagResource',
    'lambda:UntagResource',
    'lambda:UpdateFunctionCode',
    'lambda:UpdateFunctionConfiguration',
    'iam:PassRole',
  ],
  'Custom::AgentReaper': ['lambda:InvokeFunction'],
  'AWS::Route53::RecordSet': [
    'route53:ChangeResourceRecordSets',
    'route53:GetChange',
    'route53:GetHostedZone',
    'route53:ListResourceRecordSets',
  ],
  // Parameter types CloudFormation resolves or checks with the caller's rights before deploying.
  'AWS::SSM::Parameter::Value': ['ssm:GetParameters'],
  'AWS::EC2::VPC::Id': ['ec2:DescribeVpcs'],
  'AWS::EC2::Subnet::Id': ['ec2:DescribeSubnets'],
};

/**
 * Deployment actions granted without the aws:CalledVia condition, and why: each is either
 * not an API call of its own (iam:PassRole is checked inside another call), or made by a
 * service outside the forward-access chain, and each is narrowed another way instead.
 */
export const DEPLOYMENT_ACTIONS_NOT_VIA_CLOUDFORMATION: Readonly<Record<string, string>> = {
  'iam:PassRole':
    'checked inside ecs:RegisterTaskDefinition, iam:AddRoleToInstanceProfile and ' +
    'lambda:CreateFunction; limited to the stacks’ own roles, for ECS tasks and EC2, and to ' +
    'the agent-reaper role (its own IAM path) for Lambda',
  'iam:CreateServiceLinkedRole':
    'ECS, EFS and the load balancer create their service-linked role on first use; limited to ' +
    'those three services by iam:AWSServiceName',
  'ssm:GetParameters':
    'CloudFormation resolves the AgentAmiId parameter before any resource handler runs; ' +
    'limited to the public Amazon Linux AMI parameters',
};

/** The template parameter types that make CloudFormation call AWS before deploying. */
export function parameterTypeKey(type: string): string | undefined {
  if (type.startsWith('AWS::SSM::Parameter::Value<')) return 'AWS::SSM::Parameter::Value';
  const element = type.replace(/^List<(.+)>$/, '$1');
  return element.startsWith('AWS::') ? element : undefined;
}
