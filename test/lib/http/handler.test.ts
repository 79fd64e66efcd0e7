import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { apiHandler, publicApiHandler } from '@/lib/http/handler';
import {
  TEST_ORIGIN,
  captureLogLines,
  dashboardRequest,
  segment,
  withAuthEnvironment,
} from '@/test/support/auth';

withAuthEnvironment();
const logs = captureLogLines();

const scaleBody = z.object({ agentCap: z.number().int().min(1).max(200) });

const readStack = apiHandler({ role: 'viewer' }, async ({ user }) => ({ seenBy: user.name }));
const scaleStack = apiHandler(
  { role: 'operator', body: scaleBody, action: 'scale.apply' },
  async ({ body, audit }) => {
    audit({ stack: 'ci', changes: { AgentInstanceCap: body.agentCap } });
    return { applied: body.agentCap };
  },
);
const deleteStack = apiHandler({ role: 'admin', action: 'stack.delete' }, async () => ({
  deleted: true,
}));

describe('apiHandler', () => {
  describe('sessions and roles', () => {
    it('refuses an anonymous request with 401 unauthorized:auth', async () => {
      const response = await readStack(await dashboardRequest('/api/stacks'), segment());
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'unauthorized:auth' });
    });

    it('refuses a forged session cookie as anonymous', async () => {
      const request = await dashboardRequest('/api/stacks', {
        headers: { cookie: 'dashboard-session=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z' },
      });
      expect((await readStack(request, segment())).status).toBe(401);
    });

    it('lets a viewer read and sends the result as JSON', async () => {
      const response = await readStack(
        await dashboardRequest('/api/stacks', { role: 'viewer' }),
        segment(),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({ seenBy: 'viewer user' });
    });

    it('refuses a viewer on an operator route with 403 forbidden:role', async () => {
      const request = await dashboardRequest('/api/stacks/ci/scale', {
        method: 'POST',
        role: 'viewer',
        body: JSON.stringify({ agentCap: 5 }),
      });
      const response = await scaleStack(request, segment());
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'forbidden:role' });
    });

    it('refuses an operator on an admin route and lets an admin through', async () => {
      const asOperator = await dashboardRequest('/api/stacks/ci', {
        method: 'DELETE',
        role: 'operator',
      });
      expect((await deleteStack(asOperator, segment())).status).toBe(403);
      const asAdmin = await dashboardRequest('/api/stacks/ci', { method: 'DELETE', role: 'admin' });
      expect((await deleteStack(asAdmin, segment())).status).toBe(200);
    });
  });

  describe('cross-site requests', () => {
    it('refuses a mutation from another origin with 403 forbidden:origin', async () => {
      const request = await dashboardRequest('/api/stacks/ci/scale', {
        method: 'POST',
        role: 'operator',
        origin: 'https://evil.example',
        body: JSON.stringify({ agentCap: 5 }),
      });
      const response = await scaleStack(request, segment());
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'forbidden:origin' });
    });

    it('refuses a mutation without an Origin header', async () => {
      const request = await dashboardRequest('/api/stacks/ci', {
        method: 'DELETE',
        role: 'admin',
        origin: null,
      });
      expect((await deleteStack(request, segment())).status).toBe(403);
    });

    it('refuses a mutation whose Origin is the literal null (sandboxed frames)', async () => {
      const request = await dashboardRequest('/api/stacks/ci', {
        method: 'DELETE',
        role: 'admin',
        origin: 'null',
      });
      expect((await deleteStack(request, segment())).status).toBe(403);
    });

    it('refuses a mutation without a body schema that is sent as a form', async () => {
      const request = await dashboardRequest('/api/stacks/ci', {
        method: 'DELETE',
        role: 'admin',
        contentType: 'application/x-www-form-urlencoded',
        body: 'confirm=yes',
      });
      expect((await deleteStack(request, segment())).status).toBe(415);
    });

    it.each([
      ['text/plain', '{"agentCap":5}'],
      ['text/plain;charset=UTF-8', '{"agentCap":5}'],
      ['application/x-www-form-urlencoded', 'agentCap=5'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="agentCap"\r\n\r\n5\r\n--x--',
      ],
    ])('refuses a %s body with 415 even when it holds valid JSON', async (contentType, body) => {
      const request = await dashboardRequest('/api/stacks/ci/scale', {
        method: 'POST',
        role: 'operator',
        contentType,
        body,
      });
      const response = await scaleStack(request, segment());
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ code: 'unsupported_media_type:body' });
    });

    it('accepts application/json with a charset', async () => {
      const request = await dashboardRequest('/api/stacks/ci/scale', {
        method: 'POST',
        role: 'operator',
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ agentCap: 5 }),
      });
      expect(await (await scaleStack(request, segment())).json()).toEqual({ applied: 5 });
    });
  });

  describe('input limits and validation', () => {
    const padded = JSON.stringify({ agentCap: 5, padding: 'x'.repeat(70 * 1024) });

    it('refuses a body over 64 KiB with 413', async () => {
      const request = await dashboardRequest('/api/stacks/ci/scale', {
        method: 'POST',
        role: 'operator',
        body: padded,
      });
      const response = await scaleStack(request, segment());
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: 'payload_too_large:body' });
    });

    it('counts the bytes of a streamed body that declares no length', async () => {
      const bytes = new TextEncoder().encode(padded);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 8192)
            controller.enqueue(bytes.slice(offset, offset + 8192));
          controller.close();
        },
      });
      const request = new Request(`${TEST_ORIGIN}/api/stacks/ci/scale`, {
        method: 'POST',
        headers: {
          origin: TEST_ORIGIN,
          'content-type': 'application/json',
          cookie: (await dashboardRequest('/', { role: 'operator' })).headers.get('cookie') ?? '',
        },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(request.headers.get('content-length')).toBeNull();
      expect((await scaleStack(request, segment())).status).toBe(413);
    });

    it('honours a route-specific limit', async () => {
      const small = apiHandler(
        { role: 'operator', body: z.object({ note: z.string() }), maxBodyBytes: 16 },
        async () => 'ok',
      );
      const request = await dashboardRequest('/api/x', {
        method: 'POST',
        role: 'operator',
        body: JSON.stringify({ note: 'longer than sixteen bytes' }),
      });
      expect((await small(request, segment())).status).toBe(413);
    });

    it('answers invalid JSON with 400 bad_request:json', async () => {
      const request = await dashboardRequest('/api/stacks/ci/scale', {
        method: 'POST',
        role: 'operator',
        body: '{"agentCap":',
      });
      expect(await (await scaleStack(request, segment())).json()).toMatchObject({
        code: 'bad_request:json',
      });
    });

    it('answers schema errors with 400 bad_request:validation and a message per field', async () => {
      const request = await dashboardRequest('/api/stacks/ci/scale', {
        method: 'POST',
        role: 'operator',
        body: JSON.stringify({ agentCap: 500 }),
      });
      const response = await scaleStack(request, segment());
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        code: string;
        details: { fields: Record<string, string> };
      };
      expect(body.code).toBe('bad_request:validation');
      expect(Object.keys(body.details.fields)).toEqual(['agentCap']);
    });

    it('validates route segments before the route runs', async () => {
      let ran = false;
      const stackRoute = apiHandler(
        {
          role: 'viewer',
          params: z.object({ name: z.string().regex(/^[A-Za-z][-A-Za-z0-9]{0,127}$/) }),
        },
        async ({ params }) => {
          ran = true;
          return params.name;
        },
      );
      const bad = await stackRoute(
        await dashboardRequest('/api/stacks/x', { role: 'viewer' }),
        segment({ name: '../etc' }),
      );
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ details: { fields: { name: expect.any(String) } } });
      expect(ran).toBe(false);

      const good = await stackRoute(
        await dashboardRequest('/api/stacks/ci', { role: 'viewer' }),
        segment({ name: 'ci' }),
      );
      expect(await good.json()).toBe('ci');
    });
  });

  describe('responses and errors', () => {
    it('passes an AppError through with its status and body', async () => {
      const busy = apiHandler({ role: 'viewer' }, async () => {
        throw new AppError('conflict:stack', 'The stack is busy.', {
          status: 'UPDATE_IN_PROGRESS',
        });
      });
      const response = await busy(await dashboardRequest('/api/x', { role: 'viewer' }), segment());
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({
        code: 'conflict:stack',
        message: 'The stack is busy.',
        details: { status: 'UPDATE_IN_PROGRESS' },
      });
    });

    it('answers an unknown error with a bare 500 and logs its cause', async () => {
      const broken = apiHandler({ role: 'viewer' }, async () => {
        throw new Error('arn:aws:iam::123456789012:role/secret-internal-name exploded');
      });
      const response = await broken(
        await dashboardRequest('/api/x', { role: 'viewer' }),
        segment(),
      );
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        code: 'internal:server',
        message: 'Something went wrong on the server.',
      });
      expect(text).not.toContain('secret-internal-name');
      const failure = logs.records().find((record) => record.msg === 'request failed');
      expect(JSON.stringify(failure)).toContain('secret-internal-name');
    });

    it('passes a Response from the route through, adding no-store', async () => {
      const redirecting = apiHandler({ role: 'viewer' }, async () =>
        Response.redirect(`${TEST_ORIGIN}/stacks`, 303),
      );
      const response = await redirecting(
        await dashboardRequest('/api/x', { role: 'viewer' }),
        segment(),
      );
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`${TEST_ORIGIN}/stacks`);
      expect(response.headers.get('cache-control')).toBe('no-store');
    });

    it('marks every answer no-store, errors included', async () => {
      const anonymous = await readStack(await dashboardRequest('/api/stacks'), segment());
      const signedIn = await readStack(
        await dashboardRequest('/api/stacks', { role: 'viewer' }),
        segment(),
      );
      expect(anonymous.headers.get('cache-control')).toBe('no-store');
      expect(signedIn.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('logging', () => {
    it('writes one request line with method, path, status, user and duration', async () => {
      await readStack(
        await dashboardRequest('/api/stacks?region=eu-west-1', { role: 'viewer' }),
        segment(),
      );
      const records = logs.records();
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        level: 30,
        msg: 'request',
        method: 'GET',
        path: '/api/stacks',
        status: 200,
        userId: 'local:viewer-user',
        ms: expect.any(Number),
      });
    });

    it('writes one audit line per mutation with who, action, outcome and the route fields', async () => {
      const request = await dashboardRequest('/api/stacks/ci/scale', {
        method: 'POST',
        role: 'operator',
        body: JSON.stringify({ agentCap: 12 }),
      });
      await scaleStack(request, segment());
      const audits = logs.records().filter((record) => record.event === 'audit');
      expect(audits).toEqual([
        expect.objectContaining({
          action: 'scale.apply',
          userId: 'local:operator-user',
          userName: 'operator user',
          role: 'operator',
          outcome: 'succeeded',
          status: 200,
          stack: 'ci',
          changes: { AgentInstanceCap: 12 },
        }),
      ]);
    });

    it('audits refused mutations too, with the refusal code', async () => {
      const request = await dashboardRequest('/api/stacks/ci/scale', {
        method: 'POST',
        origin: 'https://evil.example',
        body: JSON.stringify({ agentCap: 12 }),
      });
      await scaleStack(request, segment());
      const audit = logs.records().find((record) => record.event === 'audit');
      expect(audit).toMatchObject({ outcome: 'refused', code: 'forbidden:origin', userId: null });
    });

    it('does not let audit fields overwrite who did it', async () => {
      const sneaky = apiHandler({ role: 'operator', action: 'stack.update' }, async ({ audit }) => {
        audit({ userId: 'someone-else', outcome: 'succeeded' });
        throw new AppError('conflict:stack', 'busy');
      });
      await sneaky(
        await dashboardRequest('/api/x', { method: 'POST', role: 'operator' }),
        segment(),
      );
      const audit = logs.records().find((record) => record.event === 'audit');
      expect(audit).toMatchObject({ userId: 'local:operator-user', outcome: 'refused' });
    });
  });
});

describe('publicApiHandler', () => {
  it('still refuses cross-origin and non-JSON mutations without a session', async () => {
    const signin = publicApiHandler({ body: z.object({ username: z.string() }) }, async () => 'ok');
    const crossSite = await dashboardRequest('/api/auth/signin', {
      method: 'POST',
      origin: 'https://evil.example',
      body: JSON.stringify({ username: 'a' }),
    });
    expect((await signin(crossSite, segment())).status).toBe(403);
    const asText = await dashboardRequest('/api/auth/signin', {
      method: 'POST',
      contentType: 'text/plain',
      body: JSON.stringify({ username: 'a' }),
    });
    expect((await signin(asText, segment())).status).toBe(415);
    const sameSite = await dashboardRequest('/api/auth/signin', {
      method: 'POST',
      body: JSON.stringify({ username: 'a' }),
    });
    expect(await (await signin(sameSite, segment())).json()).toBe('ok');
  });
});
