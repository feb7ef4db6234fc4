import { errors, jwtVerify, type CompactJWSHeaderParameters, type JWK } from 'jose';
import { accessTokenClaimsSchema, toAuthenticatedUser } from './access-token-claims';
import {
  ACCESS_TOKEN_ALGORITHMS,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  ACCESS_TOKEN_TYPE,
  CLOCK_TOLERANCE_SECONDS,
} from './auth.constants';
import { AuthError } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import type { SigningKeyStore } from './signing-key-store';

/** Verifies access tokens against the public keys in a {@link SigningKeyStore}. */
export class TokenVerifier {
  constructor(private readonly store: SigningKeyStore) {}

  /**
   * Checks signature, algorithm, type, issuer, audience, lifetime and claims, and returns
   * the caller. Every failure is an {@link AuthError}; the reason is kept in `cause`.
   */
  async verify(token: string, now: Date = new Date()): Promise<AuthenticatedUser> {
    if (!token) throw new AuthError('AUTH_TOKEN_MISSING');

    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, (header) => this.keyFor(header, now), {
        algorithms: [...ACCESS_TOKEN_ALGORITHMS],
        typ: ACCESS_TOKEN_TYPE,
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        requiredClaims: ['exp', 'iat', 'jti', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: now,
      }));
    } catch (error) {
      throw toAuthError(error);
    }

    const claims = accessTokenClaimsSchema.safeParse(payload);
    if (!claims.success) {
      throw new AuthError('AUTH_TOKEN_INVALID', undefined, { cause: claims.error });
    }
    return toAuthenticatedUser(claims.data);
  }

  private keyFor(header: CompactJWSHeaderParameters, now: Date): JWK {
    if (!header.kid) {
      throw invalid('the token names no signing key (kid)');
    }
    const key = this.store.get(header.kid, now);
    if (!key) {
      throw invalid(`signing key ${header.kid} is unknown or retired`);
    }
    // The allowlist alone would accept an ES256 header on an EdDSA key's kid; a key is only
    // ever used with the algorithm it was published for.
    if (header.alg !== key.jwk.alg) {
      throw invalid(`token algorithm ${header.alg} does not match key ${key.kid} (${key.jwk.alg})`);
    }
    return key.jwk;
  }
}

function invalid(reason: string): AuthError {
  return new AuthError('AUTH_TOKEN_INVALID', undefined, { cause: new Error(reason) });
}

function toAuthError(error: unknown): unknown {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) {
    return new AuthError('AUTH_TOKEN_EXPIRED', undefined, { cause: error });
  }
  if (error instanceof errors.JOSEError) {
    return new AuthError('AUTH_TOKEN_INVALID', undefined, { cause: error });
  }
  // jose reports undecodable input (bad base64, non-JSON segments) as JOSE errors; anything
  // else is a bug in this process, not a bad token, and must not be disguised as a 401.
  return error;
}
