import 'server-only';
import { z } from 'zod';
import { assertSameOrigin } from '@/lib/auth/origin';
import { hasRole, type Role, type User } from '@/lib/auth/roles';
import { sessionFromRequest } from '@/lib/auth/session';
import { readAuthSettings } from '@/lib/auth/settings';
import { config } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { unmanagedStackRefusal } from '@/lib/stacks/names';
import { log } from '@/lib/log';
import { DEFAULT_MAX_BODY_BYTES, assertJsonOrEmpty, readJsonBody } from './json-body';
import { errorResponse, requestOutcome } from './responses';

export type { Role, User } from '@/lib/auth/roles';

export interface HandlerContext<Body, Params> {
  request: Request;
  user: User;
  body: Body;
  params: Params;
  /** Adds fields to the one structured audit line a mutation writes (stack, parameter changes with NoEcho redacted, outcome). */
  audit(fields: Record<string, unknown>): void;
}

export interface HandlerOptions<Body, Params> {
  /** Minimum role, checked here in the handler itself (not only in proxy.ts). */
  role: Role;
  /** Present ⇒ the route mutates: JSON body, same Origin, size-limited. */
  body?: z.ZodType<Body>;
  /** Validates dynamic route segments (stack names etc.) before use. */
  params?: z.ZodType<Params>;
  /** Audit action name, e.g. 'stack.create', 'scale.apply'. */
  action?: string;
  maxBodyBytes?: number;
  /**
   * The route changes the stack its `name` segment names: refused before any AWS call when
   * the name is outside DASHBOARD_STACK_NAME_PREFIX, which the IAM role would refuse anyway.
   */
  changesStack?: true;
}

type RouteSegment = { params: Promise<Record<string, string | string[]>> };
type RouteHandler = (request: Request, segment: RouteSegment) => Promise<Response>;

/** Options of routes that anyone may call: the sign-in routes, health. */
export interface PublicHandlerOptions<Body> {
  /** Present ⇒ the route mutates: JSON body, same Origin, size-limited. */
  body?: z.ZodType<Body>;
  action?: string;
  maxBodyBytes?: number;
}

/** What a public route's `run` gets; `user` is undefined until it signs someone in. */
export interface PublicHandlerContext<Body> {
  request: Request;
  body: Body;
  /** Names the person a sign-in route has just identified, for the request and audit lines. */
  identify(user: User): void;
  audit(fields: Record<string, unknown>): void;
}

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Makes a passed-through Response's headers writable (Response.redirect's are not). */
function writable(response: Response): Response {
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: new Headers(response.headers),
  });
}

interface Exchange {
  readonly request: Request;
  readonly segment: RouteSegment | undefined;
  readonly mutation: boolean;
  readonly auditFields: Record<string, unknown>;
  user: User | undefined;
  renewCookie: string | undefined;
}

/**
 * The steps every route shares: Origin and body rules for mutations, error mapping, headers,
 * the request log line and the audit line. `authorize` runs first after the Origin check.
 */
function route(
  options: { body?: z.ZodType<unknown>; action?: string; maxBodyBytes?: number },
  steps: (exchange: Exchange, body: unknown) => Promise<unknown>,
  authorize: (exchange: Exchange) => Promise<void>,
): RouteHandler {
  return async (request, segment) => {
    const startedAt = performance.now();
    const exchange: Exchange = {
      request,
      segment,
      mutation: MUTATING_METHODS.has(request.method),
      auditFields: {},
      user: undefined,
      renewCookie: undefined,
    };
    let response: Response;
    let failure: unknown;

    try {
      if (exchange.mutation) assertSameOrigin(request, readAuthSettings());
      await authorize(exchange);

      let body: unknown;
      if (options.body !== undefined) {
        if (!exchange.mutation) {
          throw new AppError(
            'bad_request:method',
            'Changes are sent with POST, PUT, PATCH or DELETE.',
          );
        }
        body = await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      } else if (exchange.mutation) {
        assertJsonOrEmpty(request);
      }

      const result = await steps(exchange, body);
      response = result instanceof Response ? writable(result) : Response.json(result ?? null);
    } catch (error) {
      failure = error;
      response = errorResponse(error);
    }

    if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
    if (exchange.renewCookie !== undefined)
      response.headers.append('set-cookie', exchange.renewCookie);
    writeLogLines(exchange, options.action, response.status, failure, startedAt);
    return response;
  };
}

function writeLogLines(
  exchange: Exchange,
  action: string | undefined,
  status: number,
  failure: unknown,
  startedAt: number,
): void {
  const { request, user } = exchange;
  const path = new URL(request.url).pathname;
  const outcome = requestOutcome(status, failure);
  const code = outcome.code === undefined ? {} : { code: outcome.code };
  const line = {
    method: request.method,
    path,
    status,
    userId: user?.id ?? null,
    ms: Math.round(performance.now() - startedAt),
    ...code,
  };
  if (outcome.unexpected) log.error({ ...line, err: failure }, 'request failed');
  else log.info(line, 'request');

  // Reads are not audited unless the route names an action (the OIDC callback signs people in).
  if (!exchange.mutation && action === undefined) return;
  log.info(
    {
      ...exchange.auditFields,
      event: 'audit',
      action: action ?? `${request.method} ${path}`,
      userId: user?.id ?? null,
      userName: user?.name ?? null,
      role: user?.role ?? null,
      outcome: outcome.name,
      status,
      ...code,
    },
    'audit',
  );
}

/**
 * Wraps an App Router route handler with the checks every API route needs, in this order:
 * same Origin on state-changing methods (403 `forbidden:origin`), a valid session (401
 * `unauthorized:auth`), the minimum role (403 `forbidden:role`), then the route's segments and
 * JSON body (415 for a non-JSON body, 413 past `maxBodyBytes`, 400 `bad_request:validation`
 * with `details.fields`). `run` only ever sees an authorised user and validated input; what it
 * returns is sent as JSON (a Response is passed through). Errors become their coded JSON body;
 * unknown ones a bare 500 `internal:server`, logged with their cause. Every request writes one
 * log line, every POST/PUT/PATCH/DELETE (and any route naming an `action`) also one audit line,
 * and no response is cached.
 */
export function apiHandler<Body = undefined, Params = Record<string, never>>(
  options: HandlerOptions<Body, Params>,
  run: (context: HandlerContext<Body, Params>) => Promise<unknown>,
): RouteHandler {
  return route(
    options,
    async (exchange, rawBody) => {
      const user = exchange.user;
      if (user === undefined) throw new AppError('unauthorized:auth', 'Sign in to continue.');
      const segments = (await exchange.segment?.params) ?? {};
      const params = (options.params ? options.params.parse(segments) : {}) as Params;
      if (options.changesStack) assertManagedStack(params);
      const body = (options.body ? options.body.parse(rawBody) : undefined) as Body;
      return run({
        request: exchange.request,
        user,
        body,
        params,
        audit: (fields) => Object.assign(exchange.auditFields, fields),
      });
    },
    async (exchange) => {
      const current = await sessionFromRequest(exchange.request);
      if (current === undefined) throw new AppError('unauthorized:auth', 'Sign in to continue.');
      exchange.user = current.session.user;
      exchange.renewCookie = current.renewCookie;
      if (!hasRole(current.session.user.role, options.role)) {
        throw new AppError('forbidden:role', `This needs the ${options.role} role or higher.`);
      }
    },
  );
}

function assertManagedStack(params: unknown): void {
  const name = (params as { name?: unknown }).name;
  if (typeof name !== 'string') throw new Error('changesStack needs a [name] route segment');
  const refusal = unmanagedStackRefusal(name, config().stackNamePrefix);
  if (refusal !== undefined) throw new AppError('forbidden:stack_prefix', refusal);
}

/**
 * Like `apiHandler` for the few routes that work without a session (sign-in, sign-out,
 * health): mutations still need the same Origin, a JSON body and the size limit.
 */
export function publicApiHandler<Body = undefined>(
  options: PublicHandlerOptions<Body>,
  run: (context: PublicHandlerContext<Body>) => Promise<unknown>,
): RouteHandler {
  return route(
    options,
    (exchange, rawBody) =>
      run({
        request: exchange.request,
        body: (options.body ? options.body.parse(rawBody) : undefined) as Body,
        identify: (user) => {
          exchange.user = user;
        },
        audit: (fields) => Object.assign(exchange.auditFields, fields),
      }),
    async () => {},
  );
}
