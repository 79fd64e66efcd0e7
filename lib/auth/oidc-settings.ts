import { AppError } from '@/lib/errors';
import { highestRole, isRole, type Role } from './roles';

/**
 * OpenID Connect settings. Single sign-on is on when OIDC_ISSUER is set. Roles come from one
 * claim (OIDC_ROLE_CLAIM, default `groups`, a string or a list) mapped by OIDC_ROLE_MAP
 * (`jenkins-admins=admin,platform=operator`); a person none of whose values map gets
 * OIDC_DEFAULT_ROLE, or is refused when that is unset: belonging to the identity provider is
 * not by itself a reason to see infrastructure.
 */
export interface OidcSettings {
  readonly issuer: URL;
  readonly clientId: string;
  /** Undefined for a public client (PKCE only, no client authentication). */
  readonly clientSecret: string | undefined;
  /** Space-separated; some providers only send a groups claim when a scope asks for it. */
  readonly scopes: string;
  readonly roleClaim: string;
  readonly roleMap: ReadonlyMap<string, Role>;
  readonly defaultRole: Role | undefined;
}

function configError(message: string): AppError {
  return new AppError('internal:config', `Configuration error: ${message}`);
}

function parseRoleMap(raw: string | undefined): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const entry of (raw ?? '').split(',')) {
    if (entry.trim() === '') continue;
    // Split at the last '=' so group names may contain '=' (though not ',', the separator).
    const separator = entry.lastIndexOf('=');
    const group = entry.slice(0, separator).trim();
    const role = entry.slice(separator + 1).trim();
    if (separator <= 0 || group === '' || !isRole(role)) {
      throw configError(
        `OIDC_ROLE_MAP entry "${entry.trim()}" must read group=role with role viewer, operator or admin.`,
      );
    }
    map.set(group, role);
  }
  return map;
}

/** The OIDC settings, or undefined when single sign-on is not configured. */
export function readOidcSettings(
  env: Record<string, string | undefined> = process.env,
): OidcSettings | undefined {
  const issuerText = env.OIDC_ISSUER?.trim();
  if (!issuerText) return undefined;

  let issuer: URL;
  try {
    issuer = new URL(issuerText);
  } catch {
    throw configError(`OIDC_ISSUER must be the issuer URL, not "${issuerText}".`);
  }
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw configError('OIDC_CLIENT_ID must be set when OIDC_ISSUER is.');

  const defaultRole = env.OIDC_DEFAULT_ROLE?.trim() || undefined;
  if (defaultRole !== undefined && !isRole(defaultRole)) {
    throw configError('OIDC_DEFAULT_ROLE must be viewer, operator or admin (or unset to refuse).');
  }

  const scopes = env.OIDC_SCOPES?.trim() || 'openid profile email';
  if (!scopes.split(/\s+/).includes('openid')) {
    throw configError('OIDC_SCOPES must include openid.');
  }

  return {
    issuer,
    scopes,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    roleClaim: env.OIDC_ROLE_CLAIM?.trim() || 'groups',
    roleMap: parseRoleMap(env.OIDC_ROLE_MAP),
    defaultRole,
  };
}

/** The role a set of claims maps to: the highest mapped value, else the default, else none. */
export function roleFromClaims(
  claims: Record<string, unknown>,
  settings: OidcSettings,
): Role | undefined {
  const value = claims[settings.roleClaim];
  const values = Array.isArray(value) ? value : [value];
  const mapped = values
    .filter((entry): entry is string => typeof entry === 'string')
    .map((entry) => settings.roleMap.get(entry))
    .filter((role): role is Role => role !== undefined);
  return highestRole(mapped) ?? settings.defaultRole;
}
