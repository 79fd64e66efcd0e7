/**
 * Cookie header reading and Set-Cookie writing for the auth cookies. Route handlers work on the
 * standard Request and Response, so they do not depend on Next's request-scoped `cookies()`.
 */
export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  secure: boolean;
  /** Path scope; `/` unless a cookie is only needed by one route. */
  path?: string;
}

/** The value of one cookie from a Cookie request header, or undefined. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (header === null) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/**
 * A Set-Cookie value that scripts cannot read (httpOnly), that cross-site subrequests and
 * form posts do not carry (SameSite=Lax), and that is Secure when the dashboard is served
 * over https.
 */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const attributes = [
    `${name}=${value}`,
    `Path=${options.path ?? '/'}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.maxAge <= 0) attributes.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}
