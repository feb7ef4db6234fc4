import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { PasswordHasher } from '../../account/password-hasher';
import { CredentialsRepository } from '../credentials.repository';
import { hashToken } from '../opaque-token';
import { PASSWORD_MAX_LENGTH, passwordPolicyViolations } from '../password-policy';
import { PasswordResetRepository } from '../password-reset.repository';
import { RefreshTokenRepository } from '../refresh-token.repository';
import { PasswordPolicyError, ResetTokenInvalidError } from '../session.errors';

export const confirmPasswordResetSchema = z.strictObject({
  token: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export type ConfirmPasswordResetInput = z.infer<typeof confirmPasswordResetSchema>;

/**
 * Sets a new password with a reset link's token, once. The reset is used up, the password
 * replaced and every session of the account ended in one transaction: a stolen session
 * does not survive the reset, and a failure leaves the old password in place.
 */
@Injectable()
export class ConfirmPasswordResetUseCase {
  constructor(
    private readonly resets: PasswordResetRepository,
    private readonly credentials: CredentialsRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(input: ConfirmPasswordResetInput, now = new Date()): Promise<void> {
    const reset = await this.resets.findUsable(hashToken(input.token), now);
    if (!reset) throw new ResetTokenInvalidError();
    const account = await this.credentials.findById(reset.accountId);
    if (!account || account.status !== 'active') throw new ResetTokenInvalidError();

    const violations = passwordPolicyViolations(input.newPassword, account.userId);
    if (violations.length > 0) throw new PasswordPolicyError(violations);
    const passwordHash = await this.hasher.hash(input.newPassword);

    await runInTransaction(this.connection, async (session) => {
      if (!(await this.resets.markUsed(reset._id, now, session))) {
        throw new ResetTokenInvalidError();
      }
      const changed = await this.credentials.setPassword(
        account._id,
        { passwordHash, action: 'password_reset', by: account._id },
        now,
        session,
      );
      if (!changed) throw new ResetTokenInvalidError();
      await this.refreshTokens.revokeAllOfAccount(account._id, now, session);
    });
  }
}
