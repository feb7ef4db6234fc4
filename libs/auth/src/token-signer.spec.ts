import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { AuthenticatedUser } from './authenticated-user';
import { SigningKeyStore } from './signing-key-store';
import { TokenSigner } from './token-signer';
import { TokenVerifier } from './token-verifier';

const admin: AuthenticatedUser = {
  accountId: 'acc_admin',
  roles: ['national_admin'],
  institutionId: null,
  unitId: null,
  locale: 'en',
};

describe('TokenSigner', () => {
  it.each(['EdDSA', 'ES256'] as const)(
    'should publish only the public parts of a %s key',
    async (alg) => {
      const signer = await TokenSigner.generate(alg, 'k-1');
      const jwk = signer.publicJwk();

      expect(jwk).toMatchObject({ kid: 'k-1', alg, use: 'sig' });
      expect(Object.keys(jwk).sort()).toEqual(
        alg === 'EdDSA'
          ? ['alg', 'crv', 'kid', 'kty', 'use', 'x']
          : ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y'],
      );
    },
  );

  it('should issue tokens with the standard claims and the kid in the header', async () => {
    const signer = await TokenSigner.generate('EdDSA', 'k-1');
    const now = new Date('2027-03-01T08:00:00.000Z');

    const token = await signer.sign(admin, { ttlSeconds: 600, now });

    expect(decodeProtectedHeader(token)).toEqual({ alg: 'EdDSA', kid: 'k-1', typ: 'at+jwt' });
    const iat = now.getTime() / 1000;
    expect(decodeJwt(token)).toEqual({
      iss: 'kipp-registration',
      aud: 'kipp-platform',
      sub: 'acc_admin',
      jti: expect.any(String) as string,
      iat,
      nbf: iat,
      exp: iat + 600,
      roles: ['national_admin'],
      institutionId: null,
      unitId: null,
      locale: 'en',
    });
  });

  it('should give every token its own jti', async () => {
    const signer = await TokenSigner.generate('ES256', 'k-1');
    const [a, b] = await Promise.all([
      signer.sign(admin, { ttlSeconds: 60 }),
      signer.sign(admin, { ttlSeconds: 60 }),
    ]);
    expect(decodeJwt(a).jti).not.toEqual(decodeJwt(b).jti);
  });

  it('should refuse a lifetime that is not a positive whole number of seconds', async () => {
    const signer = await TokenSigner.generate('EdDSA', 'k-1');
    await expect(signer.sign(admin, { ttlSeconds: 0 })).rejects.toThrow(RangeError);
    await expect(signer.sign(admin, { ttlSeconds: 1.5 })).rejects.toThrow(RangeError);
  });

  it('should refuse to issue a token a verifier would reject', async () => {
    const signer = await TokenSigner.generate('EdDSA', 'k-1');
    const operatorWithoutUnit: AuthenticatedUser = {
      ...admin,
      roles: ['unit_operator'],
      institutionId: 'inst_a',
    };
    await expect(signer.sign(operatorWithoutUnit, { ttlSeconds: 60 })).rejects.toThrow(/unit/);
  });

  it.each(['EdDSA', 'ES256'] as const)(
    'should keep signing verifiable tokens after a PKCS#8 round trip of a %s key',
    async (alg) => {
      const original = await TokenSigner.generate(alg, 'k-1');
      const pem = await original.exportPkcs8Pem();
      const restored = await TokenSigner.fromPkcs8Pem(pem, alg, 'k-1');

      expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      expect(restored.publicJwk()).toEqual(original.publicJwk());

      const store = new SigningKeyStore();
      store.loadFromJwks({ keys: [original.publicJwk()] });
      const token = await restored.sign(admin, { ttlSeconds: 60 });
      await expect(new TokenVerifier(store).verify(token)).resolves.toEqual(admin);
    },
  );

  it('should refuse a PEM whose key does not fit the algorithm', async () => {
    const pem = await (await TokenSigner.generate('ES256', 'k-1')).exportPkcs8Pem();
    await expect(TokenSigner.fromPkcs8Pem(pem, 'EdDSA', 'k-1')).rejects.toThrow();
  });
});
