import { signingKeyPublishedV1Schema, type SigningKeyPublishedV1 } from '@kipp/contracts';
import type { PayloadOf } from '@kipp/contracts';
import type { z } from 'zod';

export type SigningKeyPublishedPayload = PayloadOf<typeof SigningKeyPublishedV1>;

/** The public half of a token-signing key, as published by the registration service. */
export type PublicSigningJwk = SigningKeyPublishedPayload['jwk'];

const publicSigningJwkSchema: z.ZodType<PublicSigningJwk> = signingKeyPublishedV1Schema.shape.jwk;

export interface StoredSigningKey {
  readonly kid: string;
  readonly jwk: Readonly<PublicSigningJwk>;
  /** Tokens signed with this key are rejected from this instant on; null while it is current. */
  readonly retiresAt: Date | null;
  readonly publishedAt: Date;
}

/** Thrown when a published key is inconsistent; the event cannot be applied, ever. */
export class InvalidSigningKeyError extends Error {
  override readonly name = 'InvalidSigningKeyError';
}

/**
 * The public signing keys every service verifies access tokens with, by kid. It is fed
 * from `registration.signing-key.published.v1` (a compacted topic, so a restarting service
 * replays every key) or, for static set-ups, from a JWKS document.
 */
export class SigningKeyStore {
  private readonly keys = new Map<string, StoredSigningKey>();

  get size(): number {
    return this.keys.size;
  }

  /**
   * Adds a key, or updates the retirement time of a known one. Idempotent, so replays and
   * redeliveries are harmless; a publication older than the one already applied is ignored
   * because it cannot carry newer news about the key.
   */
  put(payload: SigningKeyPublishedPayload): void {
    const jwk = checkedJwk(payload.jwk, payload.kid);
    const publishedAt = parseInstant(payload.publishedAt, 'publishedAt', payload.kid);
    const retiresAt =
      payload.retiresAt === null ? null : parseInstant(payload.retiresAt, 'retiresAt', payload.kid);

    const known = this.keys.get(payload.kid);
    if (known) {
      if (!sameKeyMaterial(known.jwk, jwk)) {
        // A kid names one key for ever; different material under a known kid is either a bug
        // at the issuer or an attempt to swap keys, and must not be applied silently.
        throw new InvalidSigningKeyError(
          `signing key ${payload.kid} was republished with different key material`,
        );
      }
      if (publishedAt < known.publishedAt) return;
    }
    this.keys.set(payload.kid, Object.freeze({ kid: payload.kid, jwk, retiresAt, publishedAt }));
  }

  /** The key with this kid if it exists and is not retired at `now`. */
  get(kid: string, now: Date = new Date()): StoredSigningKey | undefined {
    const key = this.keys.get(kid);
    if (!key) return undefined;
    if (key.retiresAt !== null && now >= key.retiresAt) return undefined;
    return key;
  }

  /**
   * Loads keys from a JWKS document (static configuration, tests). Keys loaded this way
   * never retire; remove them from the configuration instead.
   */
  loadFromJwks(jwks: { keys: readonly unknown[] }, publishedAt: Date = new Date()): void {
    for (const candidate of jwks.keys) {
      const parsed = publicSigningJwkSchema.safeParse(candidate);
      if (!parsed.success) {
        throw new InvalidSigningKeyError(
          `a JWKS entry is not an accepted public signing key: ${parsed.error.message}`,
        );
      }
      this.put({
        kid: parsed.data.kid,
        jwk: parsed.data,
        retiresAt: null,
        publishedAt: publishedAt.toISOString(),
      });
    }
  }
}

const CURVE_OF_ALGORITHM = {
  EdDSA: { kty: 'OKP', crv: 'Ed25519' },
  ES256: { kty: 'EC', crv: 'P-256' },
} as const;

function checkedJwk(jwk: PublicSigningJwk, kid: string): Readonly<PublicSigningJwk> {
  if (jwk.kid !== kid) {
    throw new InvalidSigningKeyError(`signing key ${kid} carries a JWK with kid ${jwk.kid}`);
  }
  const expected = CURVE_OF_ALGORITHM[jwk.alg];
  if (jwk.kty !== expected.kty || jwk.crv !== expected.crv || (jwk.kty === 'EC') !== !!jwk.y) {
    throw new InvalidSigningKeyError(
      `signing key ${kid} is not a valid ${jwk.alg} key (${jwk.kty}/${jwk.crv})`,
    );
  }
  // Only the public members are copied: a payload that slipped past its schema must not
  // bring private material into the store.
  const copy: PublicSigningJwk = {
    kty: jwk.kty,
    crv: jwk.crv,
    x: jwk.x,
    kid: jwk.kid,
    alg: jwk.alg,
    use: jwk.use,
  };
  if (jwk.y !== undefined) copy.y = jwk.y;
  return Object.freeze(copy);
}

function sameKeyMaterial(a: PublicSigningJwk, b: PublicSigningJwk): boolean {
  return a.kty === b.kty && a.crv === b.crv && a.alg === b.alg && a.x === b.x && a.y === b.y;
}

function parseInstant(value: string, field: string, kid: string): Date {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw new InvalidSigningKeyError(`signing key ${kid} has an invalid ${field}: ${value}`);
  }
  return instant;
}
