import { AppError, type ErrorCode } from '@/lib/errors';

/** The sign-in page, told where to come back to. */
export function signinPath(next: string): string {
  return `/signin?next=${encodeURIComponent(next)}`;
}

const CODE = /^[a-z_]+:[a-z0-9_.-]+$/i;

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized:auth';
  if (status === 403) return 'forbidden:client';
  if (status === 404) return 'not_found:client';
  if (status === 429) return 'rate_limited:client';
  if (status === 503 || status === 502 || status === 504) return 'unavailable:client';
  if (status >= 400 && status < 500) return 'bad_request:client';
  return 'internal:client';
}

/**
 * Rebuilds the server's coded error from a failed response's status and parsed JSON body, so
 * components branch on `error.code` exactly as the server raised it. A body that is not an
 * ErrorBody (a proxy's HTML page, an empty 502) still yields a coded error from the status.
 */
export function errorFromResponse(status: number, body: unknown): AppError {
  if (typeof body === 'object' && body !== null) {
    const { code, message, details } = body as Record<string, unknown>;
    if (typeof code === 'string' && CODE.test(code) && typeof message === 'string') {
      const extra =
        typeof details === 'object' && details !== null && !Array.isArray(details)
          ? (details as Record<string, unknown>)
          : undefined;
      return new AppError(code as ErrorCode, message, extra);
    }
  }
  return new AppError(codeForStatus(status), `The dashboard answered HTTP ${status}.`);
}

/** What the fetcher needs from the browser, injectable so tests run in Node. */
export interface FetcherDeps {
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** The path and query the person is on, for the sign-in page to return to. */
  readonly currentPath: () => string;
  /** Leaves the page for another URL (the sign-in page on a 401). */
  readonly navigate: (url: string) => void;
}

/**
 * A JSON fetcher for SWR. It asks for JSON without caching; on 401 it sends the person to
 * `/signin?next=<current path>` (except on the sign-in page itself, which would loop) and
 * still rejects, so no component renders the missing data; any other failure rejects with
 * the coded error rebuilt from the body. Network failures become `unavailable:network`.
 */
export function createFetcher(deps: FetcherDeps): <T>(url: string) => Promise<T> {
  return async <T>(url: string): Promise<T> => {
    let response: Response;
    try {
      response = await deps.fetch(url, {
        headers: { accept: 'application/json' },
        cache: 'no-store',
        credentials: 'same-origin',
      });
    } catch (error) {
      throw new AppError('unavailable:network', 'The dashboard could not be reached.', undefined, {
        cause: error,
      });
    }

    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return body as T;

    const error = errorFromResponse(response.status, body);
    if (response.status === 401) {
      const current = deps.currentPath();
      if (!current.startsWith('/signin')) deps.navigate(signinPath(current));
    }
    throw error;
  };
}

/** The browser's fetcher: the one SWR uses everywhere in the dashboard. */
export const fetchJson = createFetcher({
  fetch: (url, init) => fetch(url, init),
  currentPath: () => `${window.location.pathname}${window.location.search}`,
  navigate: (url) => window.location.assign(url),
});

/** Whether an SWR error is the signed-out case, which the fetcher already handles. */
export function isSignedOut(error: unknown): boolean {
  return error instanceof AppError && error.kind === 'unauthorized';
}
