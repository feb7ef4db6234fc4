import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { instantSchema, localeSchema } from '../shared/common';

/**
 * The one-time link is sealed (AES-256-GCM) with a key only registration and
 * notifications hold (PASSWORD_RESET_SEALING_KEY): the reset token never travels or is
 * stored in the clear; registration keeps only its hash.
 */
export const sealedSecretSchema = z.strictObject({
  alg: z.literal('A256GCM'),
  /** Identifies the sealing key, so keys can be rotated. */
  keyId: z.string().min(1).max(64),
  iv: z.base64url(),
  ciphertext: z.base64url(),
  tag: z.base64url(),
});

export const passwordResetRequestedV1Schema = z.strictObject({
  resetId: z.string().min(1).max(64),
  accountId: z.string().min(1).max(64),
  email: z.email(),
  name: z.string().min(1).max(200),
  locale: localeSchema,
  sealedLink: sealedSecretSchema,
  expiresAt: instantSchema,
  requestedAt: instantSchema,
});

export const PasswordResetRequestedV1 = defineEvent({
  producer: 'registration',
  aggregate: 'password-reset',
  event: 'requested',
  version: 1,
  schema: passwordResetRequestedV1Schema,
  key: (payload) => payload.accountId,
  description:
    'Someone asked to reset an account password; notifications emails the sealed one-time link.',
  example: {
    resetId: 'pwr_51c0',
    accountId: 'acct_7f3a',
    email: 'siti.rahmawati@bandung.go.id',
    name: 'Siti Rahmawati',
    locale: 'id',
    sealedLink: {
      alg: 'A256GCM',
      keyId: 'reset-2027-01',
      iv: 'q83vEjRWeJA',
      ciphertext: 'VGhpcyBpcyBub3QgYSByZWFsIGxpbms',
      tag: 'c2VhbGVkLXRhZy1leGFtcGxl',
    },
    expiresAt: '2027-01-21T03:00:00.000Z',
    requestedAt: '2027-01-21T02:30:00.000Z',
  },
});
