import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dashboardRequest, withAuthEnvironment } from '@/test/support/auth';

/**
 * Every route under app/api, found on disk, so a route added later is covered without editing
 * this file: each state-changing export must refuse anonymous, viewer, cross-origin and
 * text/plain requests, and each other export must refuse anonymous ones, all without a single
 * AWS call (a counting server stands in for every AWS endpoint).
 */
const ROOT = join(process.cwd(), 'app', 'api');
const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
const READING = ['GET', 'HEAD'] as const;

/** Routes that work without a session by design; they still refuse cross-site mutations. */
const PUBLIC_ROUTES = new Set([
  'auth/signin',
  'auth/signout',
  'auth/oidc/start',
  'auth/oidc/callback',
  'health',
]);

function routeFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === 'route.ts' ? [path] : [];
  });
}

interface Route {
  /** `stacks/[name]/scale` */
  name: string;
  /** `/api/stacks/ci/scale` */
  url: string;
  params: Record<string, string | string[]>;
  file: string;
}

const routes: Route[] = routeFiles(ROOT).map((file) => {
  const name = relative(ROOT, file).split(sep).slice(0, -1).join('/');
  const params: Record<string, string | string[]> = {};
  const url = name
    .split('/')
    .map((part) => {
      const segmentName = /^\[{1,2}(?:\.\.\.)?(\w+)\]{1,2}$/.exec(part)?.[1];
      if (segmentName === undefined) return part;
      params[segmentName] = part.includes('...') ? ['ci'] : 'ci';
      return 'ci';
    })
    .join('/');
  return { name, url: `/api/${url}`, params, file };
});

type Handler = (
  request: Request,
  segment: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

let awsCalls: string[] = [];
let aws: Server;

withAuthEnvironment();

beforeAll(async () => {
  aws = createServer((request, response) => {
    awsCalls.push(`${request.method} ${request.url} ${request.headers['x-amz-target'] ?? ''}`);
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => aws.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(aws.address() as AddressInfo).port}`;
  // Module-level setup in route files may read these at import time.
  vi.stubEnv('AWS_ENDPOINT_URL', endpoint);
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'table-test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'table-test');
});

afterAll(async () => {
  await new Promise((resolve) => aws.close(resolve));
});

async function exportsOf(route: Route): Promise<Record<string, Handler>> {
  vi.stubEnv('AWS_ENDPOINT_URL', `http://127.0.0.1:${(aws.address() as AddressInfo).port}`);
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  // Every route is called for a stack named `ci`, outside this prefix.
  vi.stubEnv('DASHBOARD_STACK_NAME_PREFIX', 'jenkins-');
  return (await import(/* @vite-ignore */ route.file)) as Record<string, Handler>;
}

async function call(route: Route, method: string, options: Parameters<typeof dashboardRequest>[1]) {
  const handler = (await exportsOf(route))[method];
  if (handler === undefined) throw new Error(`${route.name} exports no ${method}`);
  const request = await dashboardRequest(route.url, { method, body: '{}', ...options });
  const response = await handler(request, { params: Promise.resolve(route.params) });
  return {
    status: response.status,
    body: (await response.json().catch(() => null)) as { code?: string } | null,
  };
}

it('finds the API routes on disk', () => {
  expect(routes.map((route) => route.name)).toEqual(
    expect.arrayContaining(['health', 'auth/signin']),
  );
});

describe.each(routes)('route /api/$name', (route) => {
  it('refuses anonymous, viewer, cross-origin and text/plain requests to every state-changing export', async () => {
    awsCalls = [];
    const exported = await exportsOf(route);
    const methods = MUTATING.filter((method) => typeof exported[method] === 'function');
    for (const method of methods) {
      const crossSite = await call(route, method, {
        role: 'admin',
        origin: 'https://evil.example',
      });
      expect(crossSite, `${method} from another site`).toMatchObject({
        status: 403,
        body: { code: 'forbidden:origin' },
      });
      const noOrigin = await call(route, method, { role: 'admin', origin: null });
      expect(noOrigin, `${method} without Origin`).toMatchObject({
        status: 403,
        body: { code: 'forbidden:origin' },
      });
      const asText = await call(route, method, { role: 'admin', contentType: 'text/plain' });
      expect(asText, `${method} as text/plain`).toMatchObject({ status: 415 });

      if (PUBLIC_ROUTES.has(route.name)) continue;
      const anonymous = await call(route, method, {});
      expect(anonymous, `${method} anonymous`).toMatchObject({
        status: 401,
        body: { code: 'unauthorized:auth' },
      });
      const viewer = await call(route, method, { role: 'viewer' });
      expect(viewer, `${method} as viewer`).toMatchObject({
        status: 403,
        body: { code: 'forbidden:role' },
      });
    }
    expect(awsCalls, 'AWS calls before authorisation').toEqual([]);
  });
});

describe.each(routes.filter((route) => !PUBLIC_ROUTES.has(route.name)))(
  'signed-in route /api/$name',
  (route) => {
    it('refuses anonymous reads', async () => {
      awsCalls = [];
      const exported = await exportsOf(route);
      for (const method of READING.filter((name) => typeof exported[name] === 'function')) {
        const anonymous = await call(route, method, { body: undefined });
        expect(anonymous, `${method} anonymous`).toMatchObject({ status: 401 });
      }
      expect(awsCalls, 'AWS calls before authorisation').toEqual([]);
    });
  },
);

describe.each(routes.filter((route) => route.name.startsWith('stacks/[name]/')))(
  'stack route /api/$name',
  (route) => {
    it('changes no stack outside the dashboard’s stack-name prefix', async () => {
      awsCalls = [];
      const exported = await exportsOf(route);
      for (const method of MUTATING.filter((name) => typeof exported[name] === 'function')) {
        const outside = await call(route, method, { role: 'admin' });
        expect(outside, `${method} on ci`).toMatchObject({
          status: 403,
          body: { code: 'forbidden:stack_prefix' },
        });
      }
      expect(awsCalls, 'AWS calls for a stack outside the prefix').toEqual([]);
    });
  },
);
