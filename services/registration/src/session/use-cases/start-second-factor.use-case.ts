import { Inject, Injectable } from '@nestjs/common';
import { AuthError, generateTotpSecret, otpauthUri, type AuthenticatedUser } from '@kipp/auth';
import { CredentialsRepository } from '../credentials.repository';
import { PendingSecondFactorRepository } from '../pending-second-factor.repository';
import { sealToString } from '@kipp/service-kit';
import { SecondFactorAlreadyEnabledError } from '../session.errors';
import { SESSION_SETTINGS, type SessionSettings } from '../session.settings';
import type { TotpEnrolmentOffer } from './start-totp-enrolment.use-case';

/**
 * Offers a signed-in person a TOTP secret from their account settings, whatever their role.
 * Like the sign-in enrolment it is kept sealed and apart from the account until a code from
 * the app confirms it, so an abandoned set-up changes nothing.
 */
@Injectable()
export class StartSecondFactorUseCase {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly pending: PendingSecondFactorRepository,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  async execute(user: AuthenticatedUser, now = new Date()): Promise<TotpEnrolmentOffer> {
    const account = await this.credentials.findById(user.accountId);
    if (!account || account.status !== 'active') throw new AuthError('AUTH_TOKEN_INVALID');
    if (account.totpEnabledAt) throw new SecondFactorAlreadyEnabledError();

    const secret = generateTotpSecret();
    await this.pending.offer(
      account._id,
      sealToString(secret, this.settings.totpSealingKey),
      new Date(now.getTime() + this.settings.challengeTtlSeconds * 1000),
    );
    return { secret, otpauthUri: otpauthUri(secret, account.userId) };
  }
}
