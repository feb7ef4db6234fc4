import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@kipp/auth';
import { CurrentSigner } from '../signing-key/current-signer';
import { CredentialsRepository, type Credentials } from './credentials.repository';
import { hashToken, newOpaqueToken } from './opaque-token';
import { RefreshTokenRepository } from './refresh-token.repository';
import type { SignInStep } from './session.schema';
import { SESSION_SETTINGS, type SessionSettings } from './session.settings';
import { SignInChallengeRepository } from './sign-in-challenge.repository';

/** Roles whose sign-in always needs a second factor. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ['national_admin', 'evaluator', 'panelist'];

export interface SignedIn {
  status: 'signed_in';
  accessToken: string;
  accessTokenExpiresIn: number;
  refreshToken: string;
}

export interface StepRequired {
  status: 'password_change_required' | 'totp_enrolment_required' | 'totp_required';
  challenge: string;
}

export type SignInResult = SignedIn | StepRequired;

const STATUS_OF_STEP = {
  password_change: 'password_change_required',
  totp_enrolment: 'totp_enrolment_required',
  totp: 'totp_required',
} as const satisfies Record<SignInStep, StepRequired['status']>;

/**
 * Moves a sign-in on once a step is proven: to the next step it still needs (a challenge
 * token for it), or to tokens. Every path through sign-in ends here, so no step is skipped.
 */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly challenges: SignInChallengeRepository,
    private readonly credentials: CredentialsRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly signer: CurrentSigner,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  /** What `account` must still do after the steps in `done`. */
  nextStep(account: Credentials, done: { totp?: boolean } = {}): SignInStep | null {
    if (account.mustChangePassword) return 'password_change';
    if (done.totp) return null;
    if (account.totpEnabledAt) return 'totp';
    if (account.roles.some((role) => ROLES_REQUIRING_TOTP.includes(role))) {
      return 'totp_enrolment';
    }
    return null;
  }

  async continueSignIn(
    account: Credentials,
    done: { totp?: boolean } = {},
    now = new Date(),
  ): Promise<SignInResult> {
    const step = this.nextStep(account, done);
    if (step === null) {
      await this.credentials.recordSignedIn(account._id, now);
      return this.issueTokens(account, randomUUID(), now);
    }
    const challenge = newOpaqueToken();
    await this.challenges.insert({
      _id: hashToken(challenge),
      accountId: account._id,
      step,
      pendingTotpSecretSealed: null,
      failedAttempts: 0,
      expiresAt: new Date(now.getTime() + this.settings.challengeTtlSeconds * 1000),
    });
    return { status: STATUS_OF_STEP[step], challenge };
  }

  /** An access token with the account's claims and a refresh token in `familyId`. */
  async issueTokens(account: Credentials, familyId: string, now = new Date()): Promise<SignedIn> {
    const accessToken = await this.signer.get().sign(
      {
        accountId: account._id,
        roles: account.roles,
        institutionId: account.institutionId,
        unitId: account.unitId,
        locale: account.locale,
      },
      { ttlSeconds: this.settings.accessTokenTtlSeconds, now },
    );
    const refreshToken = newOpaqueToken();
    await this.refreshTokens.insert({
      _id: hashToken(refreshToken),
      familyId,
      accountId: account._id,
      expiresAt: new Date(now.getTime() + this.settings.refreshTokenTtlSeconds * 1000),
      rotatedAt: null,
      revokedAt: null,
    });
    return {
      status: 'signed_in',
      accessToken,
      accessTokenExpiresIn: this.settings.accessTokenTtlSeconds,
      refreshToken,
    };
  }
}
