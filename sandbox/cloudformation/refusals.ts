import { AwsServiceError } from '../core/errors';

/**
 * AWS CloudFormation's refusals, with the codes the SDK maps to named exceptions and the
 * wording AWS answers with, so that tools matching on messages (for example "No updates are
 * to be performed.") behave against the sandbox as they do against AWS.
 */
export function validationError(message: string): AwsServiceError {
  return new AwsServiceError('ValidationError', message);
}

export function stackNotFound(stackName: string): AwsServiceError {
  return validationError(`Stack with id ${stackName} does not exist`);
}

export function templateFormatError(detail: string): AwsServiceError {
  return validationError(`Template format error: ${detail}`);
}

export function templateError(detail: string): AwsServiceError {
  return validationError(`Template error: ${detail}`);
}

export function noUpdates(): AwsServiceError {
  return validationError('No updates are to be performed.');
}

export function notUpdatable(stackId: string, status: string): AwsServiceError {
  return validationError(`Stack:${stackId} is in ${status} state and can not be updated.`);
}

export function insufficientCapabilities(required: readonly string[]): AwsServiceError {
  return new AwsServiceError(
    'InsufficientCapabilitiesException',
    `Requires capabilities : [${required.join(', ')}]`,
  );
}

export function alreadyExists(message: string): AwsServiceError {
  return new AwsServiceError('AlreadyExistsException', message);
}

export function changeSetNotFound(name: string): AwsServiceError {
  return new AwsServiceError('ChangeSetNotFound', `ChangeSet [${name}] does not exist`, 404);
}

export function invalidChangeSetStatus(message: string): AwsServiceError {
  return new AwsServiceError('InvalidChangeSetStatus', message);
}

export function tokenAlreadyUsed(token: string): AwsServiceError {
  return new AwsServiceError(
    'TokenAlreadyExistsException',
    `ClientRequestToken ${token} was already used for a different request.`,
  );
}

/** The template could not be evaluated; carries AWS's wording without the error code. */
export class TemplateEvaluationError extends Error {
  override readonly name = 'TemplateEvaluationError';
}
