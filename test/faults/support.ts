import { beforeEach, vi } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import type { TestSandbox } from '@/test/support/sandbox';
import { dashboardRequest, segment } from '@/test/support/auth';

/** AWS operations that change something; none may follow a refused request. */
export const MUTATING_OPERATION = /^(Create|Update|Delete|Execute|Cancel|Continue|Put|Terminate)/;

type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

/**
 * Points the route modules' process-wide AWS clients at the sandbox, as an operator points
 * the dashboard with AWS_ENDPOINT_URL. Registered after `withAuthEnvironment()`, whose
 * afterEach unstubs every variable, so it is stubbed again before each test.
 */
export function routesUseSandbox(env: () => TestSandbox | undefined): void {
  beforeEach(() => {
    const sandbox = env();
    if (sandbox === undefined) return;
    vi.stubEnv('AWS_ENDPOINT_URL', sandbox.sandbox.url);
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'sandbox');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'sandbox');
  });
}

export interface RouteAnswer {
  readonly status: number;
  readonly body: {
    code?: string;
    message?: string;
    details?: Record<string, unknown> & { fields?: Record<string, string> };
  } & Record<string, unknown>;
}

/** Calls an App Router route handler in-process, as Next.js calls it. */
export async function callRoute(
  handler: RouteHandler | undefined,
  path: string,
  options: {
    method?: string;
    role?: Role;
    params?: Record<string, string>;
    body?: string;
    contentType?: string | null;
    headers?: Record<string, string>;
  } = {},
): Promise<RouteAnswer> {
  if (handler === undefined) throw new Error(`no handler for ${path}`);
  const request = await dashboardRequest(path, {
    method: options.method ?? 'GET',
    role: options.role ?? 'admin',
    body: options.body,
    contentType: options.contentType,
    headers: options.headers,
  });
  const response = await handler(request, segment(options.params ?? {}));
  const text = await response.text();
  let body: RouteAnswer['body'] = {};
  try {
    body = text === '' ? {} : (JSON.parse(text) as RouteAnswer['body']);
  } catch {
    body = { raw: text };
  }
  return { status: response.status, body };
}

/** The AWS operations the sandbox answered since `since`, mutating ones only. */
export async function mutatingCallsSince(env: TestSandbox, since: number): Promise<string[]> {
  const { requests } = await env.sandbox.control.requests(since);
  return requests
    .map((request) => request.operation)
    .filter((operation) => MUTATING_OPERATION.test(operation));
}

/** The sequence number of the newest request in the sandbox's log. */
export async function lastRequestSeq(env: TestSandbox): Promise<number> {
  const { requests } = await env.sandbox.control.requests();
  return requests.at(-1)?.seq ?? 0;
}

/** The file's sandbox, once beforeAll has started it. */
export function required(value: TestSandbox | undefined): TestSandbox {
  if (value === undefined) throw new Error('sandbox not started');
  return value;
}
