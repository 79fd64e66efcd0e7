import { randomUUID } from 'node:crypto';
import type { ResourceProvider, ResourceRequest, Settlement } from '../core/provider';
import type { WireResponse } from '../protocols/wire';
import type { RequestHandler } from '../server/http';
import type { World } from '../world/world';
import { functionByArn } from './functions';
import { runFunction, type FunctionRunEnd } from './invoke';

const RESPONSE_PATH = '/cloudformation-custom-resource-response/';

type RequestType = 'Create' | 'Update' | 'Delete';

/** What the function PUT to its ResponseURL, as CloudFormation reads it. */
type Answer =
  | {
      readonly status: 'SUCCESS';
      readonly physicalId: string;
      readonly data: Record<string, unknown>;
    }
  | { readonly status: 'FAILED'; readonly reason: string };

interface Invocation {
  readonly requestId: string;
  /** The ResponseURL's last path segment; forgotten once the engine has read the answer. */
  readonly token: string;
  answer?: Answer;
  runEnd?: FunctionRunEnd;
}

/**
 * Lambda-backed custom resources, run for real: each create, update and delete sends the
 * function CloudFormation's request event, the function runs in the sandbox
 * (sandbox/lambda/invoke.ts) and PUTs its answer to the event's ResponseURL, which the sandbox
 * serves. The resource settles on that answer, as in AWS.
 *
 * Deviations, each to fail fast instead of hanging as AWS would for an hour: a function that
 * throws, times out or returns without answering fails the resource with what happened.
 * Answers in flight are lost when the sandbox restarts, and the resource then fails.
 */
export class CustomResources {
  // By the physical id the engine polls with; a Create answers with its real id later.
  private readonly invocations = new Map<string, Invocation>();
  private readonly byToken = new Map<string, Invocation>();

  constructor(
    private readonly world: World,
    private readonly endpointUrl: () => string,
  ) {}

  readonly provider: ResourceProvider = {
    create: (request) => {
      const physicalId = `${request.stackName}-${request.logicalId}-${randomUUID().slice(0, 8)}`;
      this.invoke(physicalId, 'Create', request);
      return { physicalId, attributes: {} };
    },
    update: (request) => {
      this.invoke(request.physicalId, 'Update', request, {
        PhysicalResourceId: request.physicalId,
        OldResourceProperties: asCustomResourceProperties(request.previousProperties),
      });
      return { physicalId: request.physicalId, attributes: {} };
    },
    delete: (request) => {
      this.invoke(request.physicalId, 'Delete', request, {
        PhysicalResourceId: request.physicalId,
      });
    },
    settle: (physicalId) => this.settlement(physicalId),
    settleDeletion: (physicalId) => this.settlement(physicalId),
  };

  /** Serves the ResponseURLs: the PUT of a presigned S3 URL, then read as CloudFormation does. */
  readonly responses: RequestHandler = async (request) => {
    const { pathname } = new URL(request.url, 'http://sandbox');
    if (!pathname.startsWith(RESPONSE_PATH)) return undefined;
    const invocation = this.byToken.get(pathname.slice(RESPONSE_PATH.length));
    if (request.method !== 'PUT' || invocation === undefined) {
      return s3Error(403, 'AccessDenied', 'Request has expired or the URL is not a response URL');
    }
    // The URL is signed for an empty Content-Type; any other value breaks the signature.
    const contentType = request.headers['content-type'];
    if (contentType !== undefined && contentType !== '') {
      return s3Error(
        403,
        'SignatureDoesNotMatch',
        `The request signature we calculated does not match the signature you provided (Content-Type '${String(contentType)}' was not signed; send an empty Content-Type).`,
      );
    }
    invocation.answer = readAnswer(request.body, invocation.requestId);
    return { status: 200, headers: {}, body: '' };
  };

  private invoke(
    physicalId: string,
    requestType: RequestType,
    request: ResourceRequest,
    extra: Record<string, unknown> = {},
  ): void {
    const serviceToken = String(request.properties.ServiceToken ?? '');
    const fn = functionByArn(this.world, serviceToken);
    if (fn === undefined) {
      throw new Error(
        `Invalid service token ${serviceToken || '(none)'}: the sandbox runs custom resources backed by a Lambda function of a stack it deployed.`,
      );
    }
    const token = randomUUID();
    const invocation: Invocation = { requestId: randomUUID(), token };
    this.forget(physicalId);
    this.invocations.set(physicalId, invocation);
    this.byToken.set(token, invocation);
    const event = {
      RequestType: requestType,
      ServiceToken: serviceToken,
      ResponseURL: `${this.endpointUrl()}${RESPONSE_PATH}${token}`,
      StackId: request.stackId,
      RequestId: invocation.requestId,
      ResourceType: request.resourceType,
      LogicalResourceId: request.logicalId,
      ResourceProperties: asCustomResourceProperties(request.properties),
      ...extra,
    };
    void runFunction(fn, event, { endpointUrl: this.endpointUrl() }).then((end) => {
      invocation.runEnd = end;
    });
  }

  // A ResponseURL answers only while its resource waits: later PUTs find it expired, as in S3.
  private forget(physicalId: string): void {
    const invocation = this.invocations.get(physicalId);
    if (invocation === undefined) return;
    this.byToken.delete(invocation.token);
    this.invocations.delete(physicalId);
  }

  private settlement(physicalId: string): Settlement {
    const invocation = this.invocations.get(physicalId);
    if (invocation === undefined) {
      return {
        state: 'failed',
        reason: 'The sandbox restarted while this custom resource waited for its function.',
      };
    }
    const { answer, runEnd } = invocation;
    if (answer === undefined && runEnd === undefined) return { state: 'pending' };
    this.forget(physicalId);
    if (answer?.status === 'SUCCESS') {
      return {
        state: 'settled',
        provisioned: { physicalId: answer.physicalId, attributes: answer.data },
      };
    }
    if (answer?.status === 'FAILED') return { state: 'failed', reason: answer.reason };
    return {
      state: 'failed',
      reason:
        runEnd?.outcome === 'failed'
          ? `The custom resource's function failed without answering: ${runEnd.message}`
          : 'The custom resource’s function returned without sending a response to the ResponseURL.',
    };
  }
}

// CloudFormation hands a custom resource its properties with every scalar as a string.
function asCustomResourceProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asCustomResourceProperties);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, asCustomResourceProperties(child)]),
    );
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

function readAnswer(body: string, requestId: string): Answer {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { status: 'FAILED', reason: 'Invalid JSON in the custom resource response.' };
  }
  const suffix = ` (RequestId: ${requestId})`;
  if (parsed.RequestId !== requestId) {
    return { status: 'FAILED', reason: `The response names another request${suffix}` };
  }
  if (parsed.Status === 'FAILED') {
    const message =
      typeof parsed.Reason === 'string' ? parsed.Reason : 'See the details in the function’s log';
    return {
      status: 'FAILED',
      reason: `Received response status [FAILED] from custom resource. Message returned: ${message}${suffix}`,
    };
  }
  if (parsed.Status !== 'SUCCESS') {
    return {
      status: 'FAILED',
      reason: `Invalid response status '${String(parsed.Status)}'${suffix}`,
    };
  }
  if (typeof parsed.PhysicalResourceId !== 'string' || parsed.PhysicalResourceId === '') {
    return { status: 'FAILED', reason: `Invalid PhysicalResourceId${suffix}` };
  }
  const data = typeof parsed.Data === 'object' && parsed.Data !== null ? parsed.Data : {};
  return {
    status: 'SUCCESS',
    physicalId: parsed.PhysicalResourceId,
    data: data as Record<string, unknown>,
  };
}

function s3Error(status: number, code: string, message: string): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  };
}
