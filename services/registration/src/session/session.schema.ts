import { Schema } from 'mongoose';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

// The collections of sign-in. Every secret handed to a client (challenge, refresh token,
// reset token) is stored only as its SHA-256 hash: a copy of the database signs nobody in.

export const SIGN_IN_STEPS = ['password_change', 'totp_enrolment', 'totp'] as const;
export type SignInStep = (typeof SIGN_IN_STEPS)[number];

/** A sign-in that proved the password and still has a step to take. */
export interface SignInChallenge {
  /** SHA-256 of the challenge token. */
  _id: string;
  accountId: string;
  step: SignInStep;
  /** The TOTP secret offered during enrolment, sealed, until the person confirms it. */
  pendingTotpSecretSealed: string | null;
  failedAttempts: number;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const SIGN_IN_CHALLENGE_MODEL = 'SignInChallenge';

export const signInChallengeSchema = new Schema<SignInChallenge>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true },
    step: { type: String, required: true, enum: SIGN_IN_STEPS },
    pendingTotpSecretSealed: { type: String, default: null },
    failedAttempts: { type: Number, required: true, default: 0 },
    expiresAt: { type: Date, required: true },
  },
  schemaOptions('sign_in_challenges'),
);
// Abandoned challenges disappear by themselves; lookups are by _id (the hash).
signInChallengeSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export interface RefreshToken {
  /** SHA-256 of the refresh token. */
  _id: string;
  /** Every token descending from one sign-in; reuse of a rotated one revokes them all. */
  familyId: string;
  accountId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const REFRESH_TOKEN_MODEL = 'RefreshToken';

export const refreshTokenSchema = new Schema<RefreshToken>(
  {
    _id: { type: String, required: true },
    familyId: { type: String, required: true },
    accountId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    rotatedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  schemaOptions('refresh_tokens'),
);
// Expired tokens are useless, and so is their record.
refreshTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
// Reuse detection and logout revoke a whole family.
refreshTokenSchema.index({ familyId: 1 });
// A password reset revokes every family of the account.
refreshTokenSchema.index({ accountId: 1 });

export interface PasswordReset extends OutboxFields {
  _id: string;
  /** SHA-256 of the one-time token; the token itself exists only inside the sealed link. */
  tokenHash: string;
  accountId: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PASSWORD_RESET_MODEL = 'PasswordReset';

/** Kept a day past expiry, so the outbox is relayed even after a long broker outage. */
const PASSWORD_RESET_RETENTION_SECONDS = 24 * 3600;

export const passwordResetSchema = new Schema<PasswordReset>(
  {
    _id: { type: String, required: true },
    tokenHash: { type: String, required: true },
    accountId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  schemaOptions('password_resets'),
);
passwordResetSchema.plugin(outboxPlugin);
// Confirming a reset looks it up by the hash of the presented token.
passwordResetSchema.index({ tokenHash: 1 }, { unique: true });
passwordResetSchema.index(
  { expiresAt: 1 },
  { expireAfterSeconds: PASSWORD_RESET_RETENTION_SECONDS },
);

/** A TOTP time step already used by an account: a code works once. */
export interface UsedTotpStep {
  /** `<accountId>:<step>`, so a second use is a duplicate key. */
  _id: string;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const USED_TOTP_STEP_MODEL = 'UsedTotpStep';

export const usedTotpStepSchema = new Schema<UsedTotpStep>(
  {
    _id: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  schemaOptions('used_totp_steps'),
);
// Once outside the acceptance window a step can no longer be replayed anyway.
usedTotpStepSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

/**
 * A TOTP secret offered to a signed-in person from their account settings, sealed, until a
 * code from the app confirms it. One per account: asking again replaces the offer.
 */
export interface PendingSecondFactor {
  /** The account's id. */
  _id: string;
  totpSecretSealed: string;
  failedAttempts: number;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const PENDING_SECOND_FACTOR_MODEL = 'PendingSecondFactor';

export const pendingSecondFactorSchema = new Schema<PendingSecondFactor>(
  {
    _id: { type: String, required: true },
    totpSecretSealed: { type: String, required: true },
    failedAttempts: { type: Number, required: true, default: 0 },
    expiresAt: { type: Date, required: true },
  },
  schemaOptions('pending_second_factors'),
);
// An offer nobody confirmed disappears by itself; lookups are by _id (the account).
pendingSecondFactorSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
