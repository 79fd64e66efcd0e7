import type { ParameterDefinition } from './model';
import type { AwsSpecificType } from './parameter-type';

/** The normalised value to send, or the one message saying what is allowed. */
export type ValueOutcome =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

// The EC2 plugin parses scale limits as Java ints (C26), so a whole-number rule also keeps the
// value inside that range.
const JAVA_INT_MIN = -2147483648;
const JAVA_INT_MAX = 2147483647;

// Plain decimal notation only: CloudFormation documents Number as "an integer or float", and
// exponent forms such as 1e2 are refused rather than guessed at.
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const WHOLE = /^-?\d+$/;
const SSM_NAME = /^[A-Za-z0-9_.\-/:]+$/;

const ID_PREFIXES: Partial<Record<AwsSpecificType, string>> = {
  'AWS::EC2::Image::Id': 'ami',
  'AWS::EC2::Instance::Id': 'i',
  'AWS::EC2::SecurityGroup::Id': 'sg',
  'AWS::EC2::Subnet::Id': 'subnet',
  'AWS::EC2::Volume::Id': 'vol',
  'AWS::EC2::VPC::Id': 'vpc',
};

const NOUNS: Record<AwsSpecificType, string> = {
  'AWS::EC2::AvailabilityZone::Name': 'Availability Zone',
  'AWS::EC2::Image::Id': 'image (AMI)',
  'AWS::EC2::Instance::Id': 'EC2 instance',
  'AWS::EC2::KeyPair::KeyName': 'key pair',
  'AWS::EC2::SecurityGroup::GroupName': 'security group name',
  'AWS::EC2::SecurityGroup::Id': 'security group',
  'AWS::EC2::Subnet::Id': 'subnet',
  'AWS::EC2::Volume::Id': 'EBS volume',
  'AWS::EC2::VPC::Id': 'VPC',
  'AWS::Route53::HostedZone::Id': 'hosted zone',
};

/**
 * Checks one entered value against a parameter's type and constraints, the way
 * CloudFormation will, and returns the value to send: trimmed (NoEcho strings excepted, since a
 * secret's spaces are part of it), list elements trimmed and joined with bare commas.
 * `integer` adds the whole-number rule the scale-limit editor needs on top of Number (C26).
 */
export function checkValue(
  parameter: ParameterDefinition,
  raw: string,
  { integer = false }: { integer?: boolean } = {},
): ValueOutcome {
  const { type } = parameter;
  switch (type.kind) {
    case 'string':
      return checkText(parameter, parameter.noEcho ? raw : raw.trim());
    case 'number':
      return checkNumber(parameter, raw.trim(), integer);
    case 'number-list':
      return checkList(raw, 'Enter at least one number, separated by commas.', (item) =>
        checkNumber(parameter, item, integer),
      );
    case 'comma-list':
      // An empty CommaDelimitedList is legal; CloudFormation sees one empty element.
      return splitList(raw).length === 0
        ? checkElement(parameter, '')
        : checkList(raw, '', (item) => checkElement(parameter, item));
    case 'aws-specific': {
      const noun = NOUNS[type.awsType];
      const check = (item: string): ValueOutcome => checkAwsValue(parameter, type.awsType, item);
      return type.list ? checkList(raw, `Choose at least one ${noun}.`, check) : check(raw.trim());
    }
    case 'ssm-name':
    case 'ssm-value':
      return checkSsmName(parameter, raw.trim());
  }
}

function checkText(parameter: ParameterDefinition, value: string): ValueOutcome {
  const { constraints } = parameter;
  const allowed = checkElement(parameter, value);
  if (!allowed.ok) return allowed;

  const { minLength, maxLength } = constraints;
  const length = [...value].length;
  if (
    (minLength !== undefined && length < minLength) ||
    (maxLength !== undefined && length > maxLength)
  ) {
    return violation(parameter, lengthSentence(minLength, maxLength));
  }
  return { ok: true, value };
}

// AllowedValues and AllowedPattern: for a String the whole value, for a list each element.
function checkElement(parameter: ParameterDefinition, value: string): ValueOutcome {
  const { allowedValues, allowedPattern, allowedPatternAsWritten } = parameter.constraints;
  if (allowedValues !== undefined && !allowedValues.includes(value)) {
    return violation(parameter, allowedValuesSentence(allowedValues));
  }
  if (allowedPattern !== undefined && !new RegExp(allowedPattern).test(value)) {
    return violation(
      parameter,
      `Must match the pattern ${allowedPatternAsWritten ?? allowedPattern}.`,
    );
  }
  return { ok: true, value };
}

function checkNumber(
  parameter: ParameterDefinition,
  value: string,
  integer: boolean,
): ValueOutcome {
  const { minValue, maxValue, allowedValues } = parameter.constraints;
  const low = integer ? Math.max(minValue ?? JAVA_INT_MIN, JAVA_INT_MIN) : minValue;
  const high = integer ? Math.min(maxValue ?? JAVA_INT_MAX, JAVA_INT_MAX) : maxValue;
  const range = rangeSentence(integer, low, high);

  if (!DECIMAL.test(value)) {
    return { ok: false, message: integer ? range : 'Enter a number, such as 10 or 2.5.' };
  }
  if (integer && !WHOLE.test(value)) return violation(parameter, range);

  const number = Number(value);
  if ((low !== undefined && number < low) || (high !== undefined && number > high)) {
    return violation(parameter, range);
  }
  if (allowedValues !== undefined && !allowedValues.includes(value)) {
    return violation(parameter, allowedValuesSentence(allowedValues));
  }
  return { ok: true, value };
}

function checkAwsValue(
  parameter: ParameterDefinition,
  awsType: AwsSpecificType,
  value: string,
): ValueOutcome {
  const noun = NOUNS[awsType];
  if (value === '') {
    // CloudFormation looks every AWS-typed value up in the account, so it can never be blank
    // (C11); templates that want an optional key pair use a String with a condition instead.
    return {
      ok: false,
      message:
        awsType === 'AWS::EC2::KeyPair::KeyName'
          ? 'Choose a key pair: CloudFormation needs an existing EC2 key pair in this region.'
          : `Choose ${article(noun)} ${noun}.`,
    };
  }

  const prefix = ID_PREFIXES[awsType];
  if (prefix !== undefined && !new RegExp(`^${prefix}-[0-9a-zA-Z]+$`).test(value)) {
    return {
      ok: false,
      message: `${shown(parameter, value)} is not ${article(noun)} ${noun} ID (${prefix}-…).`,
    };
  }
  return checkElement(parameter, value);
}

function checkSsmName(parameter: ParameterDefinition, value: string): ValueOutcome {
  if (value === '') return { ok: false, message: 'Enter the name of an SSM parameter.' };
  if (!SSM_NAME.test(value) || value.length > 2048) {
    return {
      ok: false,
      message: 'Enter an SSM parameter name: letters, digits and _ . - / only, such as /my/ami-id.',
    };
  }
  return checkElement(parameter, value);
}

function checkList(
  raw: string,
  emptyMessage: string,
  checkItem: (item: string) => ValueOutcome,
): ValueOutcome {
  const items = splitList(raw);
  if (items.length === 0) return { ok: false, message: emptyMessage };

  for (const item of items) {
    const outcome = checkItem(item);
    if (!outcome.ok) return outcome;
  }
  return { ok: true, value: items.join(',') };
}

/**
 * Splits a list value at commas, trims each element and drops empty ones, so
 * `" subnet-a , subnet-b,"` becomes `["subnet-a", "subnet-b"]`.
 */
export function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

// The template's ConstraintDescription replaces our sentence for every constraint it guards.
function violation(parameter: ParameterDefinition, sentence: string): ValueOutcome {
  return { ok: false, message: parameter.constraints.constraintDescription ?? sentence };
}

function shown(parameter: ParameterDefinition, value: string): string {
  return parameter.noEcho ? 'The value' : value;
}

function allowedValuesSentence(allowedValues: readonly string[]): string {
  const listed = allowedValues.map((value) => (value === '' ? '(blank)' : value));
  return listed.length <= 12
    ? `Choose one of: ${listed.join(', ')}.`
    : `Choose one of the ${listed.length} allowed values.`;
}

function lengthSentence(minLength: number | undefined, maxLength: number | undefined): string {
  if (minLength !== undefined && maxLength !== undefined) {
    return minLength === maxLength
      ? `Enter exactly ${minLength} characters.`
      : `Enter ${minLength} to ${maxLength} characters.`;
  }
  return minLength !== undefined
    ? `Enter at least ${minLength} characters.`
    : `Enter at most ${maxLength ?? 0} characters.`;
}

function rangeSentence(
  integer: boolean,
  low: number | undefined,
  high: number | undefined,
): string {
  const what = integer ? 'a whole number' : 'a number';
  if (low !== undefined && high !== undefined) return `Enter ${what} from ${low} to ${high}.`;
  if (low !== undefined) return `Enter ${what} of at least ${low}.`;
  if (high !== undefined) return `Enter ${what} of at most ${high}.`;
  return `Enter ${what}.`;
}

function article(noun: string): string {
  return /^[aeiouAEIOU]/.test(noun) ? 'an' : 'a';
}
