import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { sealedSecretSchema } from '@kipp/contracts';

/** A 256-bit AES key with the id that names it in sealed values, so keys can rotate. */
export interface SealingKey {
  readonly id: string;
  readonly key: Buffer;
}

export type SealedSecret = z.infer<typeof sealedSecretSchema>;

const IV_BYTES = 12;

export class UnsealError extends Error {}

/** Decodes a base64 key and insists on 32 bytes, the size AES-256 needs. */
export function sealingKeyFromBase64(id: string, base64: string): SealingKey {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new RangeError(`sealing key ${id} must be 32 bytes`);
  return { id, key };
}

/**
 * Seals `plaintext` with AES-256-GCM under a fresh random IV. Anyone holding the key (the
 * notifications service, for reset links) can unseal it with {@link unseal}; without it the
 * value is opaque and tamper-evident.
 */
export function seal(plaintext: string, { id, key }: SealingKey): SealedSecret {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    alg: 'A256GCM',
    keyId: id,
    iv: iv.toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
  };
}

/** Opens a value sealed by {@link seal} with the key its `keyId` names. */
export function unseal(sealed: SealedSecret, keys: SealingKey | readonly SealingKey[]): string {
  const candidates: readonly SealingKey[] = 'id' in keys ? [keys] : keys;
  const match = candidates.find((candidate) => candidate.id === sealed.keyId);
  if (!match) throw new UnsealError(`no sealing key with id ${sealed.keyId}`);
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      match.key,
      Buffer.from(sealed.iv, 'base64url'),
    );
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch (error) {
    throw new UnsealError('the sealed value was altered or sealed with another key', {
      cause: error,
    });
  }
}

/** The sealed value as one string (`keyId.iv.ciphertext.tag`), for a single database field. */
export function sealToString(plaintext: string, key: SealingKey): string {
  const sealed = seal(plaintext, key);
  return [sealed.keyId, sealed.iv, sealed.ciphertext, sealed.tag].join('.');
}

export function unsealFromString(value: string, keys: SealingKey | readonly SealingKey[]): string {
  const parts = value.split('.');
  if (parts.length !== 4) throw new UnsealError('not a sealed value');
  const [keyId, iv, ciphertext, tag] = parts as [string, string, string, string];
  return unseal({ alg: 'A256GCM', keyId, iv, ciphertext, tag }, keys);
}
