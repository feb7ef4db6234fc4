import { z } from 'zod';
import type { AuthenticatedUser } from './authenticated-user';
import { LOCALES, ROLES } from './roles';

const id = z.string().min(1).max(128);

/**
 * The claims of an access token, checked after the signature. Unknown claims are ignored so
 * that the issuer can add claims without breaking verifiers.
 */
export const accessTokenClaimsSchema = z
  .object({
    sub: id,
    roles: z.array(z.enum(ROLES)),
    institutionId: id.nullable(),
    unitId: id.nullable(),
    locale: z.enum(LOCALES),
    jti: z.string().min(1),
    iat: z.number(),
    exp: z.number(),
  })
  // Scope checks trust these ids, so a token must carry the ones its roles depend on.
  .refine((claims) => !claims.roles.includes('local_admin') || claims.institutionId !== null, {
    message: 'a local admin token must name an institution',
    path: ['institutionId'],
  })
  .refine(
    (claims) =>
      !claims.roles.includes('unit_operator') ||
      (claims.institutionId !== null && claims.unitId !== null),
    { message: 'a unit operator token must name an institution and a unit', path: ['unitId'] },
  );

export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;

export function toAuthenticatedUser(claims: AccessTokenClaims): AuthenticatedUser {
  return {
    accountId: claims.sub,
    roles: claims.roles,
    institutionId: claims.institutionId,
    unitId: claims.unitId,
    locale: claims.locale,
  };
}
