/**
 * Small templates for exercising the CloudFormation API through the SDK without the Jenkins
 * stack's ECS and load-balancer timings: SSM parameters and log groups settle in seconds.
 */
export const SMALL_TEMPLATE = `
Description: SDK coverage stack
Parameters:
  Cap:
    Type: Number
    MinValue: 1
    MaxValue: 200
    Default: 10
  Password:
    Type: String
    NoEcho: true
    MinLength: 12
Resources:
  CapSetting:
    Type: AWS::SSM::Parameter
    Properties:
      Name: !Sub '/sdk/\${AWS::StackName}/cap'
      Type: String
      Value: !Ref Cap
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub '/sdk/\${AWS::StackName}'
Outputs:
  CapName:
    Value: !Ref CapSetting
`;

export const SMALL_PARAMETERS = [
  { ParameterKey: 'Cap', ParameterValue: '10' },
  { ParameterKey: 'Password', ParameterValue: 'correct-horse-battery' },
];

/** The small template's parameters kept as deployed, with the cap changed. */
export function smallScaleEdit(cap: string) {
  return [
    { ParameterKey: 'Cap', ParameterValue: cap },
    { ParameterKey: 'Password', UsePreviousValue: true },
  ];
}

/** A template with `count` log groups: enough resources and events to need several pages. */
export function wideTemplate(count: number): string {
  const resources = Object.fromEntries(
    Array.from({ length: count }, (_, index) => [
      `Group${String(index).padStart(3, '0')}`,
      {
        Type: 'AWS::Logs::LogGroup',
        Properties: { LogGroupName: { 'Fn::Sub': `/wide/\${AWS::StackName}/${index}` } },
      },
    ]),
  );
  return JSON.stringify({ Description: 'Many resources', Resources: resources });
}

/** One SSM parameter and nothing else: the cheapest stack there is. */
export const TINY_TEMPLATE = JSON.stringify({
  Resources: {
    Setting: {
      Type: 'AWS::SSM::Parameter',
      Properties: {
        Name: { 'Fn::Sub': '/tiny/${AWS::StackName}' },
        Type: 'String',
        Value: 'x',
      },
    },
  },
});
