/**
 * The client's address for rate limiting, from X-Forwarded-For. Route handlers do not see the
 * socket; Next.js fills X-Forwarded-For with the socket address only when the request has none.
 * So with DASHBOARD_TRUSTED_PROXY_HOPS=0 (the dashboard reached directly) a client can put any
 * address there and pick its own key: the per-address limit then only slows naive clients,
 * while the per-username limit still holds. Behind N proxies that each append the address they
 * saw (an ALB appends one), the N-th entry from the right is the one the nearest trusted proxy
 * saw, which a client cannot choose.
 */
export function clientAddress(request: Request, trustedProxyHops: number): string {
  const entries = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const index = entries.length - Math.max(1, trustedProxyHops);
  return entries[Math.max(0, index)] ?? 'unknown';
}
