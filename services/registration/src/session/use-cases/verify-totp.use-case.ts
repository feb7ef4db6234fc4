import { Inject, Injectable } from '@nestjs/common';
import { CredentialsRepository } from '../credentials.repository';
import { hashToken } from '../opaque-token';
import { unsealFromString } from '@kipp/service-kit';
import { SecondFactor } from '../second-factor';
import { ChallengeInvalidError, TotpCodeInvalidError } from '../session.errors';
import { SessionIssuer, type SignInResult } from '../session-issuer';
import { lockoutPolicyOf, SESSION_SETTINGS, type SessionSettings } from '../session.settings';
import { SignInChallengeRepository } from '../sign-in-challenge.repository';
import { MAX_CODE_ATTEMPTS, type TotpCodeInput } from './confirm-totp-enrolment.use-case';

/** The second factor of a sign-in: a code from the enrolled authenticator app. */
@Injectable()
export class VerifyTotpUseCase {
  constructor(
    private readonly challenges: SignInChallengeRepository,
    private readonly credentials: CredentialsRepository,
    private readonly secondFactor: SecondFactor,
    private readonly issuer: SessionIssuer,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  async execute(input: TotpCodeInput, now = new Date()): Promise<SignInResult> {
    const hash = hashToken(input.challenge);
    const challenge = await this.challenges.findLive(hash, 'totp', now);
    if (!challenge) throw new ChallengeInvalidError();
    const account = await this.credentials.findById(challenge.accountId);
    if (!account || account.status !== 'active' || !account.totpSecretSealed) {
      throw new ChallengeInvalidError();
    }

    const secret = unsealFromString(account.totpSecretSealed, this.settings.totpSealingKey);
    if (!(await this.secondFactor.accept(account._id, secret, input.code, now))) {
      await this.challenges.recordFailedAttempt(hash, MAX_CODE_ATTEMPTS);
      // Guessing codes counts towards the account's lockout like guessing passwords.
      await this.credentials.recordFailedSignIn(account._id, lockoutPolicyOf(this.settings), now);
      throw new TotpCodeInvalidError();
    }
    if (!(await this.challenges.consume(hash, 'totp', now))) throw new ChallengeInvalidError();
    return this.issuer.continueSignIn(account, { totp: true }, now);
  }
}
