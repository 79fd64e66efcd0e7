/** A small template shaped like the Jenkins stack: SSM-driven scale settings, a task, a service. */
export const SCALE_TEMPLATE = `
Description: Jenkins controller (test)
Metadata:
  AWS::CloudFormation::Interface:
    ParameterGroups: []
Parameters:
  VpcId:
    Type: AWS::EC2::VPC::Id
  AdminPassword:
    Type: String
    NoEcho: true
    MinLength: 12
  AgentInstanceCap:
    Type: Number
    MinValue: 1
    MaxValue: 200
    Default: 10
  ControllerImage:
    Type: String
    Default: jenkins/jenkins:lts
  ControllerEnabled:
    Type: String
    AllowedValues: ['true', 'false']
    Default: 'true'
  HostedZoneId:
    Type: String
    Default: ''
  AgentAmiId:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
Conditions:
  HasHostedZone: !Not [!Equals [!Ref HostedZoneId, '']]
  ControllerOn: !Equals [!Ref ControllerEnabled, 'true']
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub '/jenkins/\${AWS::StackName}'
  Cluster:
    Type: AWS::ECS::Cluster
  AgentCap:
    Type: AWS::SSM::Parameter
    Properties:
      Name: !Sub '/jenkins-on-aws/\${AWS::StackName}/agent-cap'
      Type: String
      Value: !Ref AgentInstanceCap
  AgentAmi:
    Type: AWS::SSM::Parameter
    Properties:
      Name: !Sub '/jenkins-on-aws/\${AWS::StackName}/agent-ami'
      Type: String
      Value: !Ref AgentAmiId
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: !Sub '\${AWS::StackName}-controller'
      ContainerDefinitions:
        - Name: jenkins
          Image: !Ref ControllerImage
          Environment:
            - Name: SCALE_SETTINGS_PREFIX
              Value: !Sub '/jenkins-on-aws/\${AWS::StackName}/'
            - Name: LOG_GROUP
              Value: !Ref Logs
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      TaskDefinition: !Ref TaskDefinition
      DesiredCount: !If [ControllerOn, 1, 0]
  Record:
    Type: AWS::Route53::RecordSet
    Condition: HasHostedZone
    Properties:
      HostedZoneId: !Ref HostedZoneId
      Name: jenkins.example.internal
      Type: CNAME
      TTL: '60'
      ResourceRecords: [!GetAtt Service.Name]
Outputs:
  ClusterName:
    Value: !Ref Cluster
  ServiceName:
    Value: !GetAtt Service.Name
    Export:
      Name: !Sub '\${AWS::StackName}-service'
`;

export const AMI_PATH = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

export const SCALE_PARAMETERS = [
  { ParameterKey: 'VpcId', ParameterValue: 'vpc-1' },
  { ParameterKey: 'AdminPassword', ParameterValue: 'correct-horse-battery' },
];

/** Every parameter of SCALE_TEMPLATE kept, except those given. */
export function previousValues(changed: Record<string, string> = {}) {
  return [
    'VpcId',
    'AdminPassword',
    'AgentInstanceCap',
    'ControllerImage',
    'ControllerEnabled',
    'HostedZoneId',
    'AgentAmiId',
  ].map((key) =>
    key in changed
      ? { ParameterKey: key, ParameterValue: changed[key] }
      : { ParameterKey: key, UsePreviousValue: 'true' },
  );
}
