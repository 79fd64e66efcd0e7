import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AwsServiceError } from '../core/errors';
import { sandboxLog } from '../core/log';
import type { ServiceDefinition } from '../core/types';
import { deniedResource, type FaultInjector } from '../evidence/faults';
import type { RequestLog } from '../evidence/request-log';
import { ec2Protocol } from '../protocols/ec2';
import { decodeQueryForm } from '../protocols/form';
import { jsonProtocol } from '../protocols/json';
import { queryProtocol } from '../protocols/query';
import { restXmlProtocol } from '../protocols/rest-xml';
import type { ProtocolWriter, WireResponse } from '../protocols/wire';
import { readCredentialScope } from './sigv4';

/** An HTTP request as the dispatcher needs it. */
export interface AwsRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface DispatcherDeps {
  readonly services: ReadonlyMap<string, ServiceDefinition>;
  readonly accountId: string;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;
  readonly simulatedNow: () => number;
}

const WRITERS: Record<ServiceDefinition['protocol'], ProtocolWriter> = {
  query: queryProtocol,
  ec2: ec2Protocol,
  json: jsonProtocol,
  'rest-xml': restXmlProtocol,
};

/**
 * Answers one AWS call: routes it by the SigV4 credential scope's service and region, decodes it
 * in the service's protocol, consults the fault layer, runs the operation and writes the result
 * or error in the protocol's wire shape. Every call lands in the request log.
 */
export async function dispatchAwsCall(
  deps: DispatcherDeps,
  request: AwsRequest,
): Promise<WireResponse> {
  const started = Date.now();
  const requestId = randomUUID();
  const scope = readCredentialScope(header(request, 'authorization'));

  if (!scope) {
    return queryProtocol.error(
      new AwsServiceError(
        'MissingAuthenticationToken',
        'Request is missing Authentication Token',
        403,
      ),
      requestId,
      '',
    );
  }
  const service = deps.services.get(scope.service);
  if (!service) {
    return queryProtocol.error(
      new AwsServiceError(
        'UnknownService',
        `The sandbox does not simulate the service ${scope.service}`,
        400,
      ),
      requestId,
      '',
    );
  }

  const writer = WRITERS[service.protocol];
  const namespace = service.xmlNamespace ?? '';
  let operation = 'Unknown';
  let response: WireResponse;

  try {
    const decoded = decode(service, request);
    operation = decoded.operation;
    const handler = service.operations[operation];
    if (!handler) throw unknownOperation(service, operation);

    const fault = deps.faults.decide(
      service.signingName,
      operation,
      scope.region,
      deniedResource(service.signingName, decoded.input, scope.region, deps.accountId),
    );
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.error) throw fault.error;

    const call = {
      requestId,
      region: scope.region,
      accountId: deps.accountId,
      accessKeyId: scope.accessKeyId,
    };
    const output = await handler(decoded.input, call);
    response = writer.result(operation, output, requestId, namespace);
  } catch (error) {
    if (!(error instanceof AwsServiceError)) {
      sandboxLog.error({ err: error, service: service.signingName, operation }, 'operation failed');
    }
    const serviceError =
      error instanceof AwsServiceError
        ? error
        : new AwsServiceError('InternalFailure', 'The sandbox failed to process the request.', 500);
    response = writer.error(serviceError, requestId, namespace);
    deps.requests.record({
      time: new Date(started).toISOString(),
      simulatedTime: deps.simulatedNow(),
      service: service.signingName,
      operation,
      region: scope.region,
      status: response.status,
      errorCode: serviceError.code,
      durationMs: Date.now() - started,
    });
    return response;
  }

  deps.requests.record({
    time: new Date(started).toISOString(),
    simulatedTime: deps.simulatedNow(),
    service: service.signingName,
    operation,
    region: scope.region,
    status: response.status,
    durationMs: Date.now() - started,
  });
  return response;
}

function decode(
  service: ServiceDefinition,
  request: AwsRequest,
): { operation: string; input: Record<string, unknown> } {
  switch (service.protocol) {
    case 'query':
    case 'ec2': {
      const url = new URL(request.url, 'http://sandbox');
      const form = request.body.length > 0 ? request.body : url.search.slice(1);
      const { action, input } = decodeQueryForm(form);
      return { operation: action, input };
    }
    case 'json': {
      const target = header(request, 'x-amz-target') ?? '';
      const operation = target.slice(target.lastIndexOf('.') + 1);
      let input: unknown = {};
      if (request.body.trim().length > 0) {
        try {
          input = JSON.parse(request.body);
        } catch {
          throw new AwsServiceError(
            'SerializationException',
            'The request body is not valid JSON.',
          );
        }
      }
      return { operation, input: (input ?? {}) as Record<string, unknown> };
    }
    case 'rest-xml': {
      const url = new URL(request.url, 'http://sandbox');
      const routed = service.routeRest?.(request.method, url.pathname, url.searchParams);
      if (!routed)
        throw new AwsServiceError(
          'UnknownOperationException',
          `No operation for ${request.method} ${url.pathname}`,
          404,
        );
      return routed;
    }
  }
}

function unknownOperation(service: ServiceDefinition, operation: string): AwsServiceError {
  if (service.protocol === 'json') {
    return new AwsServiceError(
      'UnknownOperationException',
      `The sandbox does not implement ${operation}.`,
    );
  }
  return new AwsServiceError(
    'InvalidAction',
    `The action ${operation} is not valid for this web service.`,
  );
}

function header(request: AwsRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
