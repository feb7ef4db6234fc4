import { createHash, randomBytes } from 'node:crypto';

/** A random token for a client (32 bytes, base64url); only its hash is stored. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
