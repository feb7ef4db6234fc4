import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuthError, type AuthenticatedUser } from '@kipp/auth';
import { CredentialsRepository } from '../credentials.repository';
import { PendingSecondFactorRepository } from '../pending-second-factor.repository';
import { unsealFromString } from '@kipp/service-kit';
import { SecondFactor } from '../second-factor';
import {
  NoPendingSecondFactorError,
  SecondFactorAlreadyEnabledError,
  SecondFactorCodeInvalidError,
} from '../session.errors';
import { SESSION_SETTINGS, type SessionSettings } from '../session.settings';
import { MAX_CODE_ATTEMPTS } from './confirm-totp-enrolment.use-case';

export const secondFactorCodeSchema = z.strictObject({
  code: z.string().regex(/^\d{6}$/, 'six digits'),
});

export type SecondFactorCodeInput = z.infer<typeof secondFactorCodeSchema>;

/** Turns TOTP on once a code from the app proves the offered secret was stored there. */
@Injectable()
export class ConfirmSecondFactorUseCase {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly pending: PendingSecondFactorRepository,
    private readonly secondFactor: SecondFactor,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  async execute(
    user: AuthenticatedUser,
    input: SecondFactorCodeInput,
    now = new Date(),
  ): Promise<void> {
    const account = await this.credentials.findById(user.accountId);
    if (!account || account.status !== 'active') throw new AuthError('AUTH_TOKEN_INVALID');
    if (account.totpEnabledAt) throw new SecondFactorAlreadyEnabledError();
    const offer = await this.pending.findLive(account._id, now);
    if (!offer) throw new NoPendingSecondFactorError();

    const secret = unsealFromString(offer.totpSecretSealed, this.settings.totpSealingKey);
    if (!(await this.secondFactor.accept(account._id, secret, input.code, now))) {
      await this.pending.recordFailedAttempt(account._id, MAX_CODE_ATTEMPTS);
      throw new SecondFactorCodeInvalidError();
    }
    if (!(await this.pending.consume(account._id, offer.totpSecretSealed, now))) {
      throw new NoPendingSecondFactorError();
    }
    if (
      !(await this.credentials.enableTotp(
        account._id,
        offer.totpSecretSealed,
        'account_settings',
        now,
      ))
    ) {
      throw new SecondFactorAlreadyEnabledError();
    }
  }
}
