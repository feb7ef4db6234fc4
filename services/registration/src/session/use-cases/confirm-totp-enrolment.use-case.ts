import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { CredentialsRepository } from '../credentials.repository';
import { hashToken } from '../opaque-token';
import { unsealFromString } from '@kipp/service-kit';
import { SecondFactor } from '../second-factor';
import { ChallengeInvalidError, TotpCodeInvalidError } from '../session.errors';
import { SessionIssuer, type SignInResult } from '../session-issuer';
import { SESSION_SETTINGS, type SessionSettings } from '../session.settings';
import { SignInChallengeRepository } from '../sign-in-challenge.repository';

export const totpCodeSchema = z.strictObject({
  challenge: z.string().min(1).max(128),
  code: z.string().regex(/^\d{6}$/, 'six digits'),
});

export type TotpCodeInput = z.infer<typeof totpCodeSchema>;

/** Wrong codes a challenge survives before the person has to sign in again. */
export const MAX_CODE_ATTEMPTS = 5;

/** Confirms the offered secret with a code from the app, enables TOTP and signs in. */
@Injectable()
export class ConfirmTotpEnrolmentUseCase {
  constructor(
    private readonly challenges: SignInChallengeRepository,
    private readonly credentials: CredentialsRepository,
    private readonly secondFactor: SecondFactor,
    private readonly issuer: SessionIssuer,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  async execute(input: TotpCodeInput, now = new Date()): Promise<SignInResult> {
    const hash = hashToken(input.challenge);
    const challenge = await this.challenges.findLive(hash, 'totp_enrolment', now);
    if (!challenge?.pendingTotpSecretSealed) throw new ChallengeInvalidError();
    const account = await this.credentials.findById(challenge.accountId);
    if (!account || account.status !== 'active') throw new ChallengeInvalidError();

    const secret = unsealFromString(
      challenge.pendingTotpSecretSealed,
      this.settings.totpSealingKey,
    );
    if (!(await this.secondFactor.accept(account._id, secret, input.code, now))) {
      await this.challenges.recordFailedAttempt(hash, MAX_CODE_ATTEMPTS);
      throw new TotpCodeInvalidError();
    }
    if (!(await this.challenges.consume(hash, 'totp_enrolment', now))) {
      throw new ChallengeInvalidError();
    }
    const sealed = challenge.pendingTotpSecretSealed;
    if (!(await this.credentials.enableTotp(account._id, sealed, 'sign_in', now))) {
      throw new ChallengeInvalidError();
    }
    return this.issuer.continueSignIn({ ...account, totpEnabledAt: now }, { totp: true }, now);
  }
}
