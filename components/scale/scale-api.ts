import { postJson } from '@/lib/client/post';
import { AppError } from '@/lib/errors';
import type { ScaleEditResponse } from '@/lib/scale/view';

/**
 * GET/POST /api/stacks/<name>/scale?region=<region>: the SWR key of the scale panel's view,
 * also the URL a scale edit is posted to. Without a name there is nothing to fetch.
 */
export function scalePanelKey(name: string, region: string): string | null {
  if (name === '') return null;
  const path = `/api/stacks/${encodeURIComponent(name)}/scale`;
  return region === '' ? path : `${path}?region=${encodeURIComponent(region)}`;
}

/** The body of a scale edit as the panel sends it; the server checks it with `scaleEditSchema`. */
export interface ScaleEditBody {
  readonly attemptId: string;
  readonly changes: Readonly<Record<string, string>>;
  /** The deployed values the person saw. */
  readonly expected: Readonly<Record<string, string>>;
  readonly confirm: boolean;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Posts one scale edit and returns the server's answer. Failures reject with the server's
 * coded error rebuilt from its body (`conflict:scale` with the fresh values,
 * `conflict:stack_busy` with a link, `bad_request:parameters` with field errors); a request
 * that never got an answer rejects with `unavailable:network`, after which resending the same
 * attempt is safe.
 */
export async function postScaleEdit(
  name: string,
  region: string,
  body: ScaleEditBody,
  fetchImpl: Fetch = (url, init) => fetch(url, init),
): Promise<ScaleEditResponse> {
  const url = scalePanelKey(name, region);
  if (url === null) throw new AppError('bad_request:scale', 'No stack is selected.');

  return postJson<ScaleEditResponse>(url, body, {
    fetch: fetchImpl,
    currentPath: () => `${window.location.pathname}${window.location.search}`,
    navigate: (target) => window.location.assign(target),
  });
}
