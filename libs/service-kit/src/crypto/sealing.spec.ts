import { randomBytes } from 'node:crypto';
import { sealedSecretSchema } from '@kipp/contracts';
import {
  seal,
  sealingKeyFromBase64,
  sealToString,
  unseal,
  UnsealError,
  unsealFromString,
} from './sealing';

const key = sealingKeyFromBase64('reset-1', randomBytes(32).toString('base64'));
const otherKey = sealingKeyFromBase64('reset-2', randomBytes(32).toString('base64'));

describe('sealing', () => {
  it('should round-trip a value and produce what the event contract accepts', () => {
    const sealed = seal('https://portal/reset-password?token=abc', key);
    expect(sealedSecretSchema.parse(sealed)).toEqual(sealed);
    expect(JSON.stringify(sealed)).not.toContain('token=abc');
    expect(unseal(sealed, [otherKey, key])).toBe('https://portal/reset-password?token=abc');
  });

  it('should use a fresh IV each time so equal values do not look equal', () => {
    expect(seal('same', key).ciphertext).not.toBe(seal('same', key).ciphertext);
  });

  it('should refuse a tampered value', () => {
    const sealed = seal('secret', key);
    const flipped = Buffer.from(sealed.ciphertext, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => unseal({ ...sealed, ciphertext: flipped.toString('base64url') }, key)).toThrow(
      UnsealError,
    );
  });

  it('should refuse a value sealed under an unknown key id', () => {
    expect(() => unseal(seal('secret', key), otherKey)).toThrow(UnsealError);
  });

  it('should refuse a key that is not 32 bytes', () => {
    expect(() => sealingKeyFromBase64('short', randomBytes(16).toString('base64'))).toThrow(
      RangeError,
    );
  });

  it('should round-trip through the one-string form', () => {
    const stored = sealToString('JBSWY3DPEHPK3PXP', key);
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(unsealFromString(stored, key)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => unsealFromString('garbage', key)).toThrow(UnsealError);
  });
});
