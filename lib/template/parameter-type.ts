/**
 * The AWS-specific parameter types CloudFormation checks against the account and region.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-supplied-parameter-types.html
 */
export const AWS_SPECIFIC_TYPES = [
  'AWS::EC2::AvailabilityZone::Name',
  'AWS::EC2::Image::Id',
  'AWS::EC2::Instance::Id',
  'AWS::EC2::KeyPair::KeyName',
  'AWS::EC2::SecurityGroup::GroupName',
  'AWS::EC2::SecurityGroup::Id',
  'AWS::EC2::Subnet::Id',
  'AWS::EC2::Volume::Id',
  'AWS::EC2::VPC::Id',
  'AWS::Route53::HostedZone::Id',
] as const;

export type AwsSpecificType = (typeof AWS_SPECIFIC_TYPES)[number];

/** What kind of value a parameter takes, classified from its CloudFormation `Type`. */
export type ParameterType =
  | { readonly kind: 'string' }
  | { readonly kind: 'number' }
  | { readonly kind: 'number-list' }
  | { readonly kind: 'comma-list' }
  | { readonly kind: 'aws-specific'; readonly awsType: AwsSpecificType; readonly list: boolean }
  | { readonly kind: 'ssm-name' }
  | {
      readonly kind: 'ssm-value';
      /** The `T` of `AWS::SSM::Parameter::Value<T>`, for example `AWS::EC2::Image::Id`. */
      readonly valueType: string;
      /** Whether the SSM parameter resolves to a list (`List<…>` or `CommaDelimitedList`). */
      readonly list: boolean;
    };

export type ParameterKind = ParameterType['kind'];

// CloudFormation has no list form of the key-pair type.
const LISTABLE_AWS_TYPES: ReadonlySet<string> = new Set(
  AWS_SPECIFIC_TYPES.filter((type) => type !== 'AWS::EC2::KeyPair::KeyName'),
);

const SSM_VALUE = /^AWS::SSM::Parameter::Value<(.+)>$/;
const LIST_OF = /^List<(.+)>$/;

/**
 * Classifies a CloudFormation parameter `Type` string, or returns undefined when
 * CloudFormation would not accept the type. `List<X>` is classified by its element type and
 * `AWS::SSM::Parameter::Value<T>` keeps `T` so the form can say what the SSM parameter holds.
 */
export function classifyParameterType(type: string): ParameterType | undefined {
  switch (type) {
    case 'String':
      return { kind: 'string' };
    case 'Number':
      return { kind: 'number' };
    case 'List<Number>':
      return { kind: 'number-list' };
    case 'CommaDelimitedList':
      return { kind: 'comma-list' };
    case 'AWS::SSM::Parameter::Name':
      return { kind: 'ssm-name' };
  }

  if (isAwsSpecificType(type)) return { kind: 'aws-specific', awsType: type, list: false };

  const listElement = LIST_OF.exec(type)?.[1];
  if (listElement !== undefined && isAwsSpecificType(listElement)) {
    return LISTABLE_AWS_TYPES.has(listElement)
      ? { kind: 'aws-specific', awsType: listElement, list: true }
      : undefined;
  }

  const ssmValueType = SSM_VALUE.exec(type)?.[1];
  if (ssmValueType !== undefined) return classifySsmValueType(ssmValueType);

  return undefined;
}

function classifySsmValueType(valueType: string): ParameterType | undefined {
  if (valueType === 'String' || isAwsSpecificType(valueType)) {
    return { kind: 'ssm-value', valueType, list: false };
  }
  if (valueType === 'CommaDelimitedList' || valueType === 'List<String>') {
    return { kind: 'ssm-value', valueType, list: true };
  }
  const element = LIST_OF.exec(valueType)?.[1];
  if (element !== undefined && LISTABLE_AWS_TYPES.has(element)) {
    return { kind: 'ssm-value', valueType, list: true };
  }
  return undefined;
}

function isAwsSpecificType(type: string): type is AwsSpecificType {
  return (AWS_SPECIFIC_TYPES as readonly string[]).includes(type);
}

/** Whether a value of this type is written as comma-separated elements. */
export function isListType(type: ParameterType): boolean {
  return type.kind === 'number-list' || type.kind === 'comma-list' || isAwsList(type);
}

/** Whether the type is a `List<AWS::…>` whose every element CloudFormation looks up. */
export function isAwsList(type: ParameterType): boolean {
  return type.kind === 'aws-specific' && type.list;
}
