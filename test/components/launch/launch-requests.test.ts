import { describe, expect, it } from 'vitest';
import { newAttemptId } from '@/lib/client/attempt-id';
import { networkKey, postJson, type PostDeps } from '@/components/launch/launch-requests';
import { AppError } from '@/lib/errors';
import { ATTEMPT_ID_PATTERN } from '@/lib/stacks/request-token';

function deps(
  response: Response,
  calls: { url: string; init: RequestInit }[],
  went: string[],
): PostDeps {
  return {
    fetch: async (url, init) => {
      calls.push({ url, init });
      return response;
    },
    currentPath: () => '/launch?stackName=ci',
    navigate: (url) => went.push(url),
  };
}

describe('launch requests', () => {
  it('posts JSON with the content type the server requires', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const answer = await postJson<{ ok: boolean }>(
      '/api/launch/cancel?region=eu-west-1',
      { stackName: 'ci' },
      deps(Response.json({ ok: true }), calls, []),
    );

    expect(answer).toEqual({ ok: true });
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"stackName":"ci"}',
    });
  });

  it('sends a signed-out person to sign in and comes back to the wizard', async () => {
    const went: string[] = [];
    const body = { code: 'unauthorized:auth', message: 'Sign in first.' };
    const request = postJson(
      '/api/launch',
      {},
      deps(Response.json(body, { status: 401 }), [], went),
    );

    await expect(request).rejects.toBeInstanceOf(AppError);
    expect(went).toEqual(['/signin?next=%2Flaunch%3FstackName%3Dci']);
  });

  it('rebuilds the server’s coded error with its details', async () => {
    const body = {
      code: 'bad_request:parameters',
      message: 'Parameter X: bad',
      details: { fieldErrors: { X: 'bad' } },
    };
    const request = postJson('/api/launch', {}, deps(Response.json(body, { status: 400 }), [], []));

    await expect(request).rejects.toMatchObject({
      code: 'bad_request:parameters',
      details: { fieldErrors: { X: 'bad' } },
    });
  });

  it('builds network keys per region and VPC', () => {
    expect(networkKey(undefined)).toBeNull();
    expect(networkKey('eu-west-1')).toBe('/api/account/network?region=eu-west-1');
    expect(networkKey('eu-west-1', 'vpc-0abc')).toBe(
      '/api/account/network?region=eu-west-1&vpcId=vpc-0abc',
    );
  });

  it('makes attempt ids the server accepts', () => {
    expect(newAttemptId()).toMatch(ATTEMPT_ID_PATTERN);
    expect(newAttemptId()).not.toBe(newAttemptId());
  });
});
