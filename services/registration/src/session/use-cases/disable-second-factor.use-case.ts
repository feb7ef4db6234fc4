import { Inject, Injectable } from '@nestjs/common';
import { AuthError, type AuthenticatedUser } from '@kipp/auth';
import { CredentialsRepository, type Credentials } from '../credentials.repository';
import { unsealFromString } from '@kipp/service-kit';
import { SecondFactor } from '../second-factor';
import {
  SecondFactorCodeInvalidError,
  SecondFactorNotEnabledError,
  SecondFactorRequiredError,
} from '../session.errors';
import { ROLES_REQUIRING_TOTP } from '../session-issuer';
import { lockoutPolicyOf, SESSION_SETTINGS, type SessionSettings } from '../session.settings';
import type { SecondFactorCodeInput } from './confirm-second-factor.use-case';

const requiresTotp = (account: Pick<Credentials, 'roles'>): boolean =>
  account.roles.some((role) => ROLES_REQUIRING_TOTP.includes(role));

/**
 * Turns TOTP off for a person whose roles do not require it. A current code is needed, so a
 * stolen access token alone cannot strip the second factor; wrong codes count towards the
 * account's lockout, and a locked account cannot try at all.
 */
@Injectable()
export class DisableSecondFactorUseCase {
  constructor(
    private readonly credentials: CredentialsRepository,
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
    if (requiresTotp(account)) throw new SecondFactorRequiredError();
    if (!account.totpEnabledAt || !account.totpSecretSealed) {
      throw new SecondFactorNotEnabledError();
    }
    if (account.lockedUntil && account.lockedUntil > now) throw new SecondFactorCodeInvalidError();

    const secret = unsealFromString(account.totpSecretSealed, this.settings.totpSealingKey);
    if (!(await this.secondFactor.accept(account._id, secret, input.code, now))) {
      await this.credentials.recordFailedSignIn(account._id, lockoutPolicyOf(this.settings), now);
      throw new SecondFactorCodeInvalidError();
    }
    if (!(await this.credentials.disableTotp(account._id, ROLES_REQUIRING_TOTP, now))) {
      // A role that requires TOTP was granted, or TOTP was turned off, meanwhile.
      const current = await this.credentials.findById(account._id);
      if (current && requiresTotp(current)) throw new SecondFactorRequiredError();
      throw new SecondFactorNotEnabledError();
    }
  }
}
