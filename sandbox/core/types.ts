import type { AwsServiceError } from './errors';

/** The wire protocols the sandbox speaks, one per AWS service it stands in for. */
export type Protocol = 'query' | 'ec2' | 'json' | 'rest-xml';

/** Everything a handler may need about the call it answers. */
export interface CallContext {
  readonly requestId: string;
  readonly region: string;
  readonly accountId: string;
  /** Access key id from the SigV4 credential scope; the sandbox accepts any. */
  readonly accessKeyId: string;
}

/**
 * One operation's handler. Input is the request decoded into plain objects
 * (query/ec2: flattened form keys rebuilt into nested objects and arrays; json: the body).
 * Output is serialised by the protocol: query/ec2 → XML, json → JSON.
 * Throw AwsServiceError for AWS's error shapes.
 */
export type OperationHandler = (
  input: Record<string, unknown>,
  call: CallContext,
) => unknown | Promise<unknown>;

/** A service as routed by the SigV4 credential scope's service name. */
export interface ServiceDefinition {
  /** SigV4 signing name: cloudformation, ec2, ecs, elasticloadbalancing, ssm, route53. */
  readonly signingName: string;
  readonly protocol: Protocol;
  /** query/ec2: the XML namespace of responses. */
  readonly xmlNamespace?: string;
  readonly operations: Readonly<Record<string, OperationHandler>>;
  /** rest-xml only: maps an HTTP request (method, path, query) to an operation and its input. */
  readonly routeRest?: (
    method: string,
    path: string,
    query: URLSearchParams,
  ) => { operation: string; input: Record<string, unknown> } | undefined;
}

/** A fault the control API asked for, consulted before every AWS call. */
export interface FaultDecision {
  readonly delayMs: number;
  readonly error?: AwsServiceError;
}
