import {
  SignJWT,
  base64url,
  exportPKCS8,
  generateKeyPair,
  type CryptoKey,
  type JWTPayload,
} from 'jose';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  ACCESS_TOKEN_TYPE,
  type SigningAlgorithm,
} from './auth.constants';
import { AuthError, type AuthErrorCode } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import { SigningKeyStore } from './signing-key-store';
import { TokenSigner } from './token-signer';
import { TokenVerifier } from './token-verifier';

const NOW = new Date('2027-03-01T08:00:00.000Z');
const NOW_SECONDS = NOW.getTime() / 1000;

const operator: AuthenticatedUser = {
  accountId: 'acc_1',
  roles: ['unit_operator'],
  institutionId: 'inst_3273',
  unitId: 'unit_7',
  locale: 'id',
};

/** Asserts the error code and, where the reason matters, what the cause says. */
async function expectAuthError(
  promise: Promise<unknown>,
  code: AuthErrorCode,
  because?: RegExp,
): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(AuthError);
  expect(error).toMatchObject({ code, status: code === 'AUTH_FORBIDDEN' ? 403 : 401 });
  if (because) expect(String((error as AuthError).cause)).toMatch(because);
}

interface TestKey {
  readonly signer: TokenSigner;
  /** Held by the test too, to forge tokens TokenSigner would never produce. */
  readonly privateKey: CryptoKey;
}

async function testKey(alg: SigningAlgorithm, kid: string): Promise<TestKey> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const signer = await TokenSigner.fromPkcs8Pem(await exportPKCS8(privateKey), alg, kid);
  return { signer, privateKey };
}

function craft(
  key: TestKey,
  claims: JWTPayload,
  header: Record<string, unknown> = {},
): Promise<string> {
  const { alg, kid } = key.signer;
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid, typ: ACCESS_TOKEN_TYPE, ...header })
    .sign(key.privateKey);
}

function validClaims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: ACCESS_TOKEN_ISSUER,
    aud: ACCESS_TOKEN_AUDIENCE,
    sub: 'acc_1',
    jti: 'jti-1',
    iat: NOW_SECONDS,
    exp: NOW_SECONDS + 900,
    roles: ['unit_operator'],
    institutionId: 'inst_3273',
    unitId: 'unit_7',
    locale: 'id',
    ...overrides,
  };
}

describe('TokenVerifier', () => {
  let edKey: TestKey;
  let esKey: TestKey;
  let ed: TokenSigner;
  let es: TokenSigner;
  let store: SigningKeyStore;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    edKey = await testKey('EdDSA', 'k-ed');
    esKey = await testKey('ES256', 'k-es');
    ed = edKey.signer;
    es = esKey.signer;
  });

  beforeEach(() => {
    store = new SigningKeyStore();
    store.loadFromJwks({ keys: [ed.publicJwk(), es.publicJwk()] }, new Date('2027-01-01'));
    verifier = new TokenVerifier(store);
  });

  describe('accepts', () => {
    it('should return the user when an EdDSA token is valid', async () => {
      const token = await ed.sign(operator, { ttlSeconds: 900, now: NOW });
      await expect(verifier.verify(token, NOW)).resolves.toEqual(operator);
    });

    it('should return the user when an ES256 token is valid', async () => {
      const token = await es.sign(operator, { ttlSeconds: 900, now: NOW });
      await expect(verifier.verify(token, NOW)).resolves.toEqual(operator);
    });

    it('should accept a token expired by less than the clock tolerance', async () => {
      const token = await ed.sign(operator, { ttlSeconds: 60, now: NOW });
      const justAfterExpiry = new Date(NOW.getTime() + 63_000);
      await expect(verifier.verify(token, justAfterExpiry)).resolves.toEqual(operator);
    });

    it('should accept unknown extra claims when the issuer adds them', async () => {
      const token = await craft(edKey, validClaims({ displayName: 'Siti' }));
      await expect(verifier.verify(token, NOW)).resolves.toEqual(operator);
    });
  });

  describe('rejects', () => {
    it('should answer AUTH_TOKEN_MISSING when the token is empty', async () => {
      await expectAuthError(verifier.verify('', NOW), 'AUTH_TOKEN_MISSING');
    });

    it.each(['not-a-jwt', 'a.b.c', 'eyJhbGciOiJFZERTQSJ9..', '...'])(
      'should answer AUTH_TOKEN_INVALID when the token is malformed (%s)',
      async (token) => {
        await expectAuthError(verifier.verify(token, NOW), 'AUTH_TOKEN_INVALID');
      },
    );

    it('should reject alg none', async () => {
      const header = base64url.encode(JSON.stringify({ alg: 'none', kid: ed.kid, typ: 'at+jwt' }));
      const payload = base64url.encode(JSON.stringify(validClaims()));
      await expectAuthError(
        verifier.verify(`${header}.${payload}.`, NOW),
        'AUTH_TOKEN_INVALID',
        /not allowed/,
      );
    });

    it('should reject HS256 signed with the public key as the shared secret', async () => {
      const publicKeyBytes = base64url.decode(ed.publicJwk().x);
      const token = await new SignJWT(validClaims())
        .setProtectedHeader({ alg: 'HS256', kid: ed.kid, typ: ACCESS_TOKEN_TYPE })
        .sign(publicKeyBytes);
      await expectAuthError(verifier.verify(token, NOW), 'AUTH_TOKEN_INVALID', /not allowed/);
    });

    it('should reject a token whose alg differs from the algorithm of its key', async () => {
      // A valid ES256 signature, but presented under the kid of the EdDSA key.
      const token = await craft(esKey, validClaims(), { kid: ed.kid });
      await expectAuthError(verifier.verify(token, NOW), 'AUTH_TOKEN_INVALID', /does not match/);
    });

    it('should reject a token of another issuer', async () => {
      const token = await craft(edKey, validClaims({ iss: 'someone-else' }));
      await expectAuthError(verifier.verify(token, NOW), 'AUTH_TOKEN_INVALID');
    });

    it('should reject a token for another audience', async () => {
      const token = await craft(edKey, validClaims({ aud: 'kipp-other' }));
      await expectAuthError(verifier.verify(token, NOW), 'AUTH_TOKEN_INVALID');
    });

    it('should reject a JWT that is not an access token (typ)', async () => {
      const token = await craft(edKey, validClaims(), { typ: 'JWT' });
      await expectAuthError(verifier.verify(token, NOW), 'AUTH_TOKEN_INVALID');
    });

    it('should answer AUTH_TOKEN_EXPIRED when the token has expired', async () => {
      const token = await ed.sign(operator, { ttlSeconds: 60, now: NOW });
      const later = new Date(NOW.getTime() + 66_000);
      await expectAuthError(verifier.verify(token, later), 'AUTH_TOKEN_EXPIRED');
    });

    it('should reject a token without exp', async () => {
      const { exp: _exp, ...claims } = validClaims();
      await expectAuthError(verifier.verify(await craft(edKey, claims), NOW), 'AUTH_TOKEN_INVALID');
    });

    it('should reject a token that is not valid yet', async () => {
      const inAMinute = new Date(NOW.getTime() + 60_000);
      const token = await ed.sign(operator, { ttlSeconds: 900, now: inAMinute });
      await expectAuthError(verifier.verify(token, NOW), 'AUTH_TOKEN_INVALID', /nbf/);
    });

    it('should reject a token signed with an unknown kid', async () => {
      const stranger = await TokenSigner.generate('EdDSA', 'k-unknown');
      const token = await stranger.sign(operator, { ttlSeconds: 900, now: NOW });
      await expectAuthError(
        verifier.verify(token, NOW),
        'AUTH_TOKEN_INVALID',
        /unknown or retired/,
      );
    });

    it('should reject a token without a kid', async () => {
      const token = await craft(edKey, validClaims(), { kid: undefined });
      await expectAuthError(verifier.verify(token, NOW), 'AUTH_TOKEN_INVALID');
    });

    it('should reject a token signed by another key under a known kid', async () => {
      const impostor = await TokenSigner.generate('EdDSA', ed.kid);
      const token = await impostor.sign(operator, { ttlSeconds: 900, now: NOW });
      await expectAuthError(verifier.verify(token, NOW), 'AUTH_TOKEN_INVALID', /signature/);
    });

    it('should reject a token signed with a retired key, and accept it before retirement', async () => {
      store.put({
        kid: ed.kid,
        jwk: ed.publicJwk(),
        retiresAt: new Date(NOW.getTime() + 1000).toISOString(),
        publishedAt: '2027-02-01T00:00:00.000Z',
      });
      const token = await ed.sign(operator, { ttlSeconds: 900, now: NOW });

      await expect(verifier.verify(token, NOW)).resolves.toEqual(operator);
      await expectAuthError(
        verifier.verify(token, new Date(NOW.getTime() + 1000)),
        'AUTH_TOKEN_INVALID',
        /unknown or retired/,
      );
    });

    it('should reject a token whose payload was tampered with', async () => {
      const token = await ed.sign(operator, { ttlSeconds: 900, now: NOW });
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as JWTPayload;
      const forged = base64url.encode(JSON.stringify({ ...claims, roles: ['national_admin'] }));
      await expectAuthError(
        verifier.verify(`${header}.${forged}.${signature}`, NOW),
        'AUTH_TOKEN_INVALID',
        /signature/,
      );
    });

    it('should reject a token without a roles claim', async () => {
      const { roles: _roles, ...claims } = validClaims();
      await expectAuthError(verifier.verify(await craft(edKey, claims), NOW), 'AUTH_TOKEN_INVALID');
    });

    it('should reject a token with a role that does not exist', async () => {
      const token = await craft(edKey, validClaims({ roles: ['superuser'] }));
      await expectAuthError(verifier.verify(token, NOW), 'AUTH_TOKEN_INVALID');
    });

    it('should reject a unit operator token that names no unit', async () => {
      const token = await craft(edKey, validClaims({ unitId: null }));
      await expectAuthError(verifier.verify(token, NOW), 'AUTH_TOKEN_INVALID');
    });

    it('should reject a local admin token that names no institution', async () => {
      const token = await craft(
        edKey,
        validClaims({ roles: ['local_admin'], institutionId: null, unitId: null }),
      );
      await expectAuthError(verifier.verify(token, NOW), 'AUTH_TOKEN_INVALID');
    });
  });
});
