import 'server-only';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { REQUESTED_PATH_HEADER, safeNextPath } from './next-path';
import { hasRole, type Role, type User } from './roles';
import { openSession, sessionCookieName } from './session';
import { readAuthSettings } from './settings';

export { ROLES, hasRole, isRole, type Role, type User } from './roles';

/**
 * The signed-in user of a server component, or undefined when nobody is signed in. Server
 * components cannot set cookies, so reading here does not renew the idle timeout; proxy.ts
 * and the API handlers do.
 */
export async function currentPageUser(): Promise<User | undefined> {
  // Reading the request's cookies first makes every page that asks for its user dynamic, so
  // the build never renders one (and never needs the run-time settings).
  const jar = await cookies();
  const settings = readAuthSettings();
  const token = jar.get(sessionCookieName(settings))?.value;
  if (token === undefined) return undefined;
  return (await openSession(token, settings))?.user;
}

/**
 * The signed-in user of a server component that needs at least `minimum`. Anonymous visitors
 * are redirected to `/signin?next=<this path>`; a user whose role is too low gets the 403 page
 * (`forbidden()`, which needs `experimental.authInterrupts` in next.config.ts). Call it in every
 * page that shows data, even though proxy.ts redirects anonymous visitors too: the proxy is a
 * convenience, this is the check.
 */
export async function pageUser(minimum: Role): Promise<User> {
  const user = await currentPageUser();
  if (user === undefined) {
    const next = safeNextPath((await headers()).get(REQUESTED_PATH_HEADER));
    redirect(`/signin?next=${encodeURIComponent(next)}`);
  }
  if (!hasRole(user.role, minimum)) forbidden();
  return user;
}
