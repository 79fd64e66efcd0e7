/**
 * The security headers every response carries, and the Content-Security-Policy of pages.
 *
 * Scripts run only with this request's nonce (Next.js reads it from the CSP request header
 * that proxy.ts forwards and stamps it on its own scripts); `'strict-dynamic'` lets those
 * scripts load the page's chunks. A nonce is per request, so every page is rendered
 * dynamically; pages read the session anyway. Style attributes stay allowed
 * (`style-src-attr`) because virtualised tables position rows with them; a style attribute
 * cannot run script.
 */
export interface PolicyOptions {
  nonce: string;
  /** Served over https: adds HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev` needs eval for React's debugging and unnonced inline styles for hot reload. */
  development: boolean;
}

/** A fresh, unguessable nonce for one response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

/** The Content-Security-Policy value for one page response. */
export function contentSecurityPolicy({ nonce, https, development }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Headers for every response, page or not. */
export function securityHeaders(options: PolicyOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    // same-origin is stricter than strict-origin-when-cross-origin and still lets browsers
    // send Origin on the dashboard's own POSTs (the Fetch spec nulls it only cross-origin).
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
  if (options.https) headers['Strict-Transport-Security'] = 'max-age=31536000';
  return headers;
}
