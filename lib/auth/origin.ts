import { AppError } from '@/lib/errors';
import { readAuthSettings, type AuthSettings } from './settings';

/**
 * The dashboard's public origin and the same-origin rule for state-changing requests.
 *
 * With DASHBOARD_PUBLIC_URL set, that origin is the only one accepted. Without it the request's
 * own Host header stands in, but only when it names a loopback address: a Host header is chosen
 * by whoever sends the request, and a DNS-rebinding page (evil.example resolving to 127.0.0.1)
 * sends `Host: evil.example` together with `Origin: http://evil.example`, which would match
 * itself. Restricting the fallback to `localhost`, `127.0.0.1` and `[::1]` keeps local
 * development working without configuration while any other deployment must name its origin.
 */
const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function loopbackOrigin(host: string | null): string | undefined {
  if (host === null) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return undefined;
  }
  // Anything beyond host[:port] (userinfo, a path) means the header was not a plain Host value.
  if (url.host !== host.toLowerCase()) return undefined;
  return LOOPBACK_HOSTNAMES.has(url.hostname) ? url.origin : undefined;
}

/**
 * The origin this request should have come from: DASHBOARD_PUBLIC_URL, or the loopback origin
 * of a local development server. Throws `forbidden:origin` when neither applies.
 */
export function expectedOrigin(
  request: Request,
  settings: AuthSettings = readAuthSettings(),
): string {
  if (settings.publicOrigin !== undefined) return settings.publicOrigin;
  const origin = loopbackOrigin(request.headers.get('host'));
  if (origin !== undefined) return origin;
  throw new AppError(
    'forbidden:origin',
    'This dashboard is not reached through a loopback address, so DASHBOARD_PUBLIC_URL must name its public URL before it accepts changes.',
  );
}

/**
 * Refuses a state-changing request whose Origin header is missing or differs from the
 * dashboard's own. Browsers send Origin on every cross-origin and every non-GET request, so a
 * missing one means a non-browser client or a stripped header; both are refused.
 */
export function assertSameOrigin(
  request: Request,
  settings: AuthSettings = readAuthSettings(),
): void {
  const origin = request.headers.get('origin');
  if (origin === null || origin === 'null') {
    throw new AppError('forbidden:origin', 'This request has no Origin header, so it is refused.');
  }
  if (origin !== expectedOrigin(request, settings)) {
    throw new AppError(
      'forbidden:origin',
      'Requests from another site cannot change anything here.',
    );
  }
}
