import { randomUUID } from 'node:crypto';
import {
  SignJWT,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  type CryptoKey,
  type JWK,
} from 'jose';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  ACCESS_TOKEN_TYPE,
  type SigningAlgorithm,
} from './auth.constants';
import { accessTokenClaimsSchema } from './access-token-claims';
import type { AuthenticatedUser } from './authenticated-user';
import type { PublicSigningJwk } from './signing-key-store';

export interface SignOptions {
  /** Lifetime of the token; keep it short, there is no revocation list. */
  readonly ttlSeconds: number;
  readonly now?: Date;
}

/**
 * Holds one private signing key and issues access tokens with it. The registration service
 * is the only production user; tests use it to mint tokens for a verifier.
 */
export class TokenSigner {
  private constructor(
    readonly kid: string,
    readonly alg: SigningAlgorithm,
    private readonly privateKey: CryptoKey,
    private readonly publicKeyJwk: Readonly<PublicSigningJwk>,
  ) {}

  static async generate(alg: SigningAlgorithm, kid: string): Promise<TokenSigner> {
    const { privateKey } = await generateKeyPair(alg, { extractable: true });
    return TokenSigner.fromPrivateKey(privateKey, alg, kid);
  }

  /** Restores a signer persisted with {@link exportPkcs8Pem}. */
  static async fromPkcs8Pem(pem: string, alg: SigningAlgorithm, kid: string): Promise<TokenSigner> {
    const privateKey = await importPKCS8(pem, alg, { extractable: true });
    return TokenSigner.fromPrivateKey(privateKey, alg, kid);
  }

  private static async fromPrivateKey(
    privateKey: CryptoKey,
    alg: SigningAlgorithm,
    kid: string,
  ): Promise<TokenSigner> {
    if (!kid) throw new Error('a signing key needs a kid');
    return new TokenSigner(
      kid,
      alg,
      privateKey,
      publicJwkOf(await exportJWK(privateKey), alg, kid),
    );
  }

  /** The JWK to publish: public members only, with kid, alg and use. */
  publicJwk(): PublicSigningJwk {
    return { ...this.publicKeyJwk };
  }

  /** The private key as a PKCS#8 PEM, for storage in a secret; never log or publish it. */
  exportPkcs8Pem(): Promise<string> {
    return exportPKCS8(this.privateKey);
  }

  /** Issues an access token for `user`, valid from `now` for `ttlSeconds`. */
  async sign(
    user: AuthenticatedUser,
    { ttlSeconds, now = new Date() }: SignOptions,
  ): Promise<string> {
    if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
      throw new RangeError(`ttlSeconds must be a positive integer, got ${ttlSeconds}`);
    }
    const issuedAt = Math.floor(now.getTime() / 1000);
    const claims = {
      sub: user.accountId,
      roles: [...user.roles],
      institutionId: user.institutionId,
      unitId: user.unitId,
      locale: user.locale,
      jti: randomUUID(),
      iat: issuedAt,
      exp: issuedAt + ttlSeconds,
    };
    // Fail at issuance rather than hand out a token every verifier would refuse.
    accessTokenClaimsSchema.parse(claims);
    return new SignJWT({ ...claims, nbf: issuedAt })
      .setProtectedHeader({ alg: this.alg, kid: this.kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .sign(this.privateKey);
  }
}

function publicJwkOf(jwk: JWK, alg: SigningAlgorithm, kid: string): Readonly<PublicSigningJwk> {
  const { kty, crv, x, y } = jwk;
  if (alg === 'EdDSA' && kty === 'OKP' && crv === 'Ed25519' && x) {
    return Object.freeze({ kty: 'OKP', crv, x, kid, alg, use: 'sig' });
  }
  if (alg === 'ES256' && kty === 'EC' && crv === 'P-256' && x && y) {
    return Object.freeze({ kty: 'EC', crv, x, y, kid, alg, use: 'sig' });
  }
  throw new Error(`the private key is not an ${alg} key (${kty ?? '?'}/${crv ?? '?'})`);
}
