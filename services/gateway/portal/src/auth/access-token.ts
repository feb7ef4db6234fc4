import { ALL_ROLES, type AccountLocale, type Role } from './roles';

/** What the portal learns about the person from their access token. */
export interface SessionUser {
  readonly accountId: string;
  readonly roles: readonly Role[];
  readonly institutionId: string | null;
  readonly unitId: string | null;
  readonly locale: AccountLocale;
  /** Seconds since the epoch when the token runs out. */
  readonly expiresAt: number;
}

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function optionalId(value: unknown): string | null | undefined {
  if (value === null) return null;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Reads the claims of an access token. The portal does not verify the signature (every
 * service does); it only needs to know whom to show what. Null when the token is malformed.
 */
export function readAccessToken(token: string): SessionUser | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(base64UrlDecode(payload));
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;
  const record = claims as Record<string, unknown>;
  const roles = record.roles;
  const institutionId = optionalId(record.institutionId);
  const unitId = optionalId(record.unitId);
  if (
    typeof record.sub !== 'string' ||
    !Array.isArray(roles) ||
    !roles.every((role): role is Role => (ALL_ROLES as readonly unknown[]).includes(role)) ||
    institutionId === undefined ||
    unitId === undefined ||
    (record.locale !== 'id' && record.locale !== 'en') ||
    typeof record.exp !== 'number'
  ) {
    return null;
  }
  return {
    accountId: record.sub,
    roles,
    institutionId,
    unitId,
    locale: record.locale,
    expiresAt: record.exp,
  };
}
