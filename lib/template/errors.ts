import { AppError } from '@/lib/errors';

/**
 * The template's Parameters section (or its interface metadata) is something CloudFormation
 * would refuse: a parameter without a Type, an unknown type, an AllowedPattern that is not a
 * regular expression, a minimum above its maximum. Names the parameter at fault.
 */
export class TemplateModelError extends AppError {
  constructor(
    readonly parameterKey: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(
      'bad_request:template',
      parameterKey === undefined ? message : `Parameter ${parameterKey}: ${message}`,
      parameterKey === undefined ? undefined : { parameterKey },
      options,
    );
  }
}

/**
 * Parameter values that failed validation, with one message per field. The server throws it
 * before any AWS call; its details carry the same messages the form shows as you type.
 */
export class ParameterValuesError extends AppError {
  constructor(readonly fieldErrors: Readonly<Record<string, string>>) {
    const keys = Object.keys(fieldErrors);
    super(
      'bad_request:parameters',
      keys.length === 1
        ? `Parameter ${keys[0]}: ${fieldErrors[keys[0] as string]}`
        : `${keys.length} parameters have invalid values: ${keys.join(', ')}.`,
      { fieldErrors },
    );
  }
}
