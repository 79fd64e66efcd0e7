import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { createFetcher, errorFromResponse, signinPath } from '@/lib/client/fetcher';

function browser(response: Response | Error, currentPath = '/stacks/ci?region=eu-west-1') {
  const visits: string[] = [];
  const requests: { url: string; init: RequestInit }[] = [];
  const fetcher = createFetcher({
    fetch: async (url, init) => {
      requests.push({ url, init });
      if (response instanceof Error) throw response;
      return response;
    },
    currentPath: () => currentPath,
    navigate: (url) => visits.push(url),
  });
  return { fetcher, visits, requests };
}

describe('fetcher', () => {
  it('returns the parsed JSON body of a successful response', async () => {
    const { fetcher, requests } = browser(Response.json({ regions: ['eu-west-1'] }));

    const body = await fetcher<{ regions: string[] }>('/api/stacks');

    expect(body).toEqual({ regions: ['eu-west-1'] });
    expect(requests[0]?.init.headers).toEqual({ accept: 'application/json' });
  });

  it('sends a signed-out person to /signin with the current path as next', async () => {
    const { fetcher, visits } = browser(
      Response.json(
        { code: 'unauthorized:auth', message: 'Sign in to continue.' },
        { status: 401 },
      ),
    );

    const failure = await fetcher('/api/stacks/ci?region=eu-west-1').catch(
      (error: unknown) => error,
    );

    expect(visits).toEqual(['/signin?next=%2Fstacks%2Fci%3Fregion%3Deu-west-1']);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('unauthorized:auth');
  });

  it('does not redirect again when the 401 happens on the sign-in page itself', async () => {
    const { fetcher, visits } = browser(
      Response.json({ code: 'unauthorized:auth', message: 'Sign in.' }, { status: 401 }),
      '/signin?next=%2F',
    );

    await expect(fetcher('/api/environment')).rejects.toBeInstanceOf(AppError);
    expect(visits).toEqual([]);
  });

  it('rebuilds the coded error with its message and details from the JSON body', async () => {
    const { fetcher, visits } = browser(
      Response.json(
        {
          code: 'not_found:stack',
          message: 'Stack ci does not exist in eu-west-1.',
          details: { stack: 'ci' },
        },
        { status: 404 },
      ),
    );

    const failure = (await fetcher('/api/stacks/ci').catch((error: unknown) => error)) as AppError;

    expect(failure).toBeInstanceOf(AppError);
    expect(failure.code).toBe('not_found:stack');
    expect(failure.kind).toBe('not_found');
    expect(failure.status).toBe(404);
    expect(failure.message).toBe('Stack ci does not exist in eu-west-1.');
    expect(failure.details).toEqual({ stack: 'ci' });
    expect(visits).toEqual([]);
  });

  it('codes a failure without an error body from its HTTP status', async () => {
    const { fetcher } = browser(new Response('<html>Bad gateway</html>', { status: 502 }));

    const failure = (await fetcher('/api/stacks').catch((error: unknown) => error)) as AppError;

    expect(failure.code).toBe('unavailable:client');
    expect(failure.message).toBe('The dashboard answered HTTP 502.');
  });

  it('codes a network failure as unavailable and keeps the cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const { fetcher } = browser(cause);

    const failure = (await fetcher('/api/stacks').catch((error: unknown) => error)) as AppError;

    expect(failure.code).toBe('unavailable:network');
    expect(failure.cause).toBe(cause);
  });
});

describe('errorFromResponse', () => {
  it('ignores a body whose code is not of the kind:surface form', () => {
    const error = errorFromResponse(429, { code: 'Throttling', message: 'Rate exceeded' });

    expect(error.code).toBe('rate_limited:client');
  });
});

describe('signinPath', () => {
  it('encodes the path to come back to', () => {
    expect(signinPath('/stacks/a b?region=eu-west-1&x=1')).toBe(
      '/signin?next=%2Fstacks%2Fa%20b%3Fregion%3Deu-west-1%26x%3D1',
    );
  });
});
