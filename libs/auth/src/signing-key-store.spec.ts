import { SigningKeyPublishedV1 } from '@kipp/contracts';
import { InvalidSigningKeyError, SigningKeyStore } from './signing-key-store';
import { TokenSigner } from './token-signer';

const example = SigningKeyPublishedV1.example;

describe('SigningKeyStore', () => {
  it('should return a published key by kid', () => {
    const store = new SigningKeyStore();
    store.put(example);

    expect(store.size).toBe(1);
    expect(store.get(example.kid)).toMatchObject({
      kid: example.kid,
      jwk: example.jwk,
      retiresAt: null,
      publishedAt: new Date(example.publishedAt),
    });
  });

  it('should return undefined for an unknown kid', () => {
    expect(new SigningKeyStore().get('k-none')).toBeUndefined();
  });

  it('should keep one entry when the same key is delivered twice', () => {
    const store = new SigningKeyStore();
    store.put(example);
    store.put(example);
    expect(store.size).toBe(1);
  });

  it('should retire a key when a later publication sets retiresAt', () => {
    const store = new SigningKeyStore();
    store.put(example);
    store.put({
      ...example,
      retiresAt: '2027-02-01T00:00:00.000Z',
      publishedAt: '2027-01-20T00:00:00.000Z',
    });

    expect(store.get(example.kid, new Date('2027-01-31T23:59:59.999Z'))).toBeDefined();
    expect(store.get(example.kid, new Date('2027-02-01T00:00:00.000Z'))).toBeUndefined();
    expect(store.size).toBe(1);
  });

  it('should ignore a publication older than the one already applied', () => {
    const store = new SigningKeyStore();
    store.put({
      ...example,
      retiresAt: '2027-02-01T00:00:00.000Z',
      publishedAt: '2027-01-20T00:00:00.000Z',
    });
    store.put(example);

    expect(store.get(example.kid, new Date('2027-03-01'))).toBeUndefined();
  });

  it('should refuse different key material under a known kid', async () => {
    const store = new SigningKeyStore();
    store.put(example);
    const other = await TokenSigner.generate('EdDSA', example.kid);

    expect(() => {
      store.put({ ...example, jwk: other.publicJwk(), publishedAt: '2027-06-01T00:00:00.000Z' });
    }).toThrow(InvalidSigningKeyError);
    expect(store.get(example.kid)?.jwk).toEqual(example.jwk);
  });

  it('should refuse a key whose JWK names another kid', () => {
    expect(() => {
      new SigningKeyStore().put({ ...example, kid: 'k-other' });
    }).toThrow(InvalidSigningKeyError);
  });

  it('should refuse a key whose curve does not fit its algorithm', () => {
    expect(() => {
      new SigningKeyStore().put({ ...example, jwk: { ...example.jwk, alg: 'ES256' } });
    }).toThrow(InvalidSigningKeyError);
  });

  it('should load public keys from a JWKS document', async () => {
    const ed = await TokenSigner.generate('EdDSA', 'k-ed');
    const es = await TokenSigner.generate('ES256', 'k-es');
    const store = new SigningKeyStore();

    store.loadFromJwks({ keys: [ed.publicJwk(), es.publicJwk()] });

    expect(store.size).toBe(2);
    expect(store.get('k-es')?.jwk).toEqual(es.publicJwk());
    expect(store.get('k-ed')?.retiresAt).toBeNull();
  });

  it('should refuse a JWKS entry that carries a private key', () => {
    const withPrivatePart = { ...example.jwk, d: 'bm90LWEtcmVhbC1rZXk' };
    expect(() => {
      new SigningKeyStore().loadFromJwks({ keys: [withPrivatePart] });
    }).toThrow(InvalidSigningKeyError);
  });

  it('should refuse a JWKS entry with an algorithm outside the allowlist', () => {
    const rsa = { kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'k-rsa', alg: 'RS256', use: 'sig' };
    expect(() => {
      new SigningKeyStore().loadFromJwks({ keys: [rsa] });
    }).toThrow(InvalidSigningKeyError);
  });
});
