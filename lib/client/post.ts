import { AppError } from '@/lib/errors';
import { errorFromResponse, signinPath } from './fetcher';

/** What the fetch needs from the browser, injectable so the request logic runs in tests. */
export interface PostDeps {
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly currentPath: () => string;
  readonly navigate: (url: string) => void;
}

const browser: PostDeps = {
  fetch: (url, init) => fetch(url, init),
  currentPath: () => `${window.location.pathname}${window.location.search}`,
  navigate: (url) => window.location.assign(url),
};

/**
 * Sends one mutating request: POST with a JSON body, same-origin (the browser adds Origin,
 * which the server checks). A 401 sends the person to sign in and still rejects; any other
 * failure rejects with the server's coded error rebuilt, so callers branch on `code`.
 */
export async function postJson<T>(
  url: string,
  body: unknown,
  deps: PostDeps = browser,
): Promise<T> {
  let response: Response;
  try {
    response = await deps.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    throw new AppError('unavailable:network', 'The dashboard could not be reached.', undefined, {
      cause: error,
    });
  }

  const parsed: unknown = await response.json().catch(() => undefined);
  if (response.ok) return parsed as T;
  if (response.status === 401) deps.navigate(signinPath(deps.currentPath()));
  throw errorFromResponse(response.status, parsed);
}
