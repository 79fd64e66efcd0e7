import { AwsServiceError } from '../core/errors';
import {
  decodePageToken,
  encodePageToken,
  optionalInt,
  optionalString,
  recordList,
  stringList,
} from '../core/input';
import type { OperationHandler, ServiceDefinition } from '../core/types';
import type { Parameter, RegionState } from '../world/state';
import type { World } from '../world/world';

/** The SSM Parameter Store calls the sandbox needs (awsJson1_1, target prefix AmazonSSM). */
export function createSsmService(world: World): ServiceDefinition {
  const operations: Record<string, OperationHandler> = {
    GetParameter(input, call) {
      const region = world.region(call.region);
      const name = optionalString(input.Name) ?? '';
      const parameter = lookup(region, name);
      if (!parameter) throw new AwsServiceError('ParameterNotFound', '');
      return {
        Parameter: parameterView(world, call.region, parameter, input.WithDecryption === true),
      };
    },

    GetParameters(input, call) {
      const region = world.region(call.region);
      const names = stringList(input.Names);
      if (names.length === 0 || names.length > 10) {
        throw validation(
          `'names' failed to satisfy constraint: Member must have length less than or equal to 10 and greater than or equal to 1`,
        );
      }
      const found: Parameter[] = [];
      const invalid: string[] = [];
      for (const name of names) {
        const parameter = lookup(region, name);
        if (parameter) found.push(parameter);
        else invalid.push(name);
      }
      return {
        Parameters: found.map((parameter) =>
          parameterView(world, call.region, parameter, input.WithDecryption === true),
        ),
        InvalidParameters: invalid,
      };
    },

    GetParametersByPath(input, call) {
      const region = world.region(call.region);
      const path = optionalString(input.Path) ?? '';
      if (!path.startsWith('/')) {
        throw validation(
          `'path' failed to satisfy constraint: Member must satisfy regular expression pattern: /.*`,
        );
      }
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const recursive = input.Recursive === true;
      const matching = Object.values(region.parameters)
        .filter((parameter) => parameter.name.startsWith(prefix))
        .filter((parameter) => recursive || !parameter.name.slice(prefix.length).includes('/'))
        .sort((a, b) => a.name.localeCompare(b.name));
      const page = paginate(matching, input, 10, `path:${prefix}`);
      return {
        Parameters: page.items.map((parameter) =>
          parameterView(world, call.region, parameter, input.WithDecryption === true),
        ),
        NextToken: page.nextToken,
      };
    },

    DescribeParameters(input, call) {
      const region = world.region(call.region);
      const filters = recordList(input.ParameterFilters);
      const matching = Object.values(region.parameters)
        .filter((parameter) => !parameter.public)
        .filter((parameter) => filters.every((filter) => matchesFilter(parameter, filter)))
        .sort((a, b) => a.name.localeCompare(b.name));
      const page = paginate(matching, input, 50, 'describe');
      return {
        Parameters: page.items.map((parameter) => ({
          Name: parameter.name,
          ARN: arnOf(world, call.region, parameter),
          Type: parameter.type,
          LastModifiedDate: new Date(parameter.lastModifiedDate),
          LastModifiedUser: world.arn('iam', '', 'user/sandbox'),
          Version: parameter.version,
          Tier: parameter.tier,
          Policies: [],
          DataType: parameter.dataType,
          Description: parameter.description,
          AllowedPattern: parameter.allowedPattern,
        })),
        NextToken: page.nextToken,
      };
    },

    PutParameter(input, call) {
      const region = world.region(call.region);
      const name = optionalString(input.Name) ?? '';
      const value = optionalString(input.Value);
      if (name.length === 0 || value === undefined)
        throw validation(`'name' and 'value' must be set`);
      if (name.startsWith('/aws/')) {
        throw new AwsServiceError(
          'AccessDeniedException',
          `No access to reserved parameter name: ${name}.`,
        );
      }
      const existing = region.parameters[name];
      if (existing && input.Overwrite !== true) {
        throw new AwsServiceError(
          'ParameterAlreadyExists',
          'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
        );
      }
      const parameter = putParameter(region, world.now(), {
        name,
        value,
        type:
          (optionalString(input.Type) as Parameter['type'] | undefined) ??
          existing?.type ??
          'String',
        dataType: optionalString(input.DataType),
        description: optionalString(input.Description),
      });
      return { Version: parameter.version, Tier: parameter.tier };
    },
  };

  return { signingName: 'ssm', protocol: 'json', operations };
}

/**
 * Creates or overwrites a parameter, bumping its version as SSM does (also used by the
 * CloudFormation provider for AWS::SSM::Parameter).
 */
export function putParameter(
  region: RegionState,
  now: number,
  values: {
    name: string;
    value: string;
    type: Parameter['type'];
    dataType?: string;
    description?: string;
    allowedPattern?: string;
  },
): Parameter {
  const existing = region.parameters[values.name];
  const parameter: Parameter = {
    name: values.name,
    type: values.type,
    value: values.value,
    version: (existing?.version ?? 0) + 1,
    lastModifiedDate: now,
    dataType: values.dataType ?? existing?.dataType ?? 'text',
    description: values.description,
    allowedPattern: values.allowedPattern,
    tier: 'Standard',
    tags: existing?.tags ?? [],
  };
  region.parameters[values.name] = parameter;
  return parameter;
}

/** `name`, `name:3` (version) as GetParameter accepts them. */
function lookup(region: RegionState, reference: string): Parameter | undefined {
  const match = /^(.*):(\d+)$/.exec(reference);
  if (match) {
    const parameter = region.parameters[match[1] ?? ''];
    return parameter && parameter.version === Number(match[2]) ? parameter : undefined;
  }
  return region.parameters[reference];
}

function parameterView(
  world: World,
  region: string,
  parameter: Parameter,
  decrypt: boolean,
): Record<string, unknown> {
  const value =
    parameter.type === 'SecureString' && !decrypt
      ? Buffer.from(`sandbox-kms:${parameter.value}`).toString('base64')
      : parameter.value;
  return {
    Name: parameter.name,
    Type: parameter.type,
    Value: value,
    Version: parameter.version,
    LastModifiedDate: new Date(parameter.lastModifiedDate),
    ARN: arnOf(world, region, parameter),
    DataType: parameter.dataType,
  };
}

function arnOf(world: World, region: string, parameter: Parameter): string {
  const path = parameter.name.startsWith('/') ? parameter.name.slice(1) : parameter.name;
  return parameter.public
    ? `arn:aws:ssm:${region}::parameter/${path}`
    : world.arn('ssm', region, `parameter/${path}`);
}

function matchesFilter(parameter: Parameter, filter: Record<string, unknown>): boolean {
  const key = String(filter.Key ?? '');
  const option = String(filter.Option ?? 'Equals');
  const values = stringList(filter.Values);
  if (key === 'Name') {
    return values.some((value) =>
      option === 'BeginsWith' ? parameter.name.startsWith(value) : parameter.name === value,
    );
  }
  if (key === 'Path') {
    return values.some((value) => {
      const prefix = value.endsWith('/') ? value : `${value}/`;
      if (!parameter.name.startsWith(prefix)) return false;
      return option === 'Recursive' || !parameter.name.slice(prefix.length).includes('/');
    });
  }
  if (key === 'Type') return values.includes(parameter.type);
  return true;
}

function paginate<T>(
  items: T[],
  input: Record<string, unknown>,
  limit: number,
  scope: string,
): { items: T[]; nextToken?: string } {
  const maxResults = optionalInt(input.MaxResults, 'MaxResults') ?? limit;
  if (maxResults < 1 || maxResults > limit) {
    throw validation(
      `'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${limit}`,
    );
  }
  const token = optionalString(input.NextToken);
  const offset = token === undefined ? 0 : decodePageToken(token, scope);
  if (offset === undefined)
    throw new AwsServiceError('InvalidNextToken', 'The specified token is not valid.');
  const page = items.slice(offset, offset + maxResults);
  const next = offset + page.length;
  return { items: page, nextToken: next < items.length ? encodePageToken(next, scope) : undefined };
}

function validation(detail: string): AwsServiceError {
  return new AwsServiceError(
    'ValidationException',
    `1 validation error detected: Value at ${detail}`,
  );
}
