import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { AuthError, type AuthenticatedUser } from '@kipp/auth';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { PasswordHasher } from '../../account/password-hasher';
import { CredentialsRepository } from '../credentials.repository';
import { IpRateLimiter } from '../ip-rate-limiter';
import { hashToken } from '../opaque-token';
import { PASSWORD_MAX_LENGTH, passwordPolicyViolations } from '../password-policy';
import { RefreshTokenRepository } from '../refresh-token.repository';
import {
  CurrentPasswordInvalidError,
  PasswordPolicyError,
  TooManyAttemptsError,
} from '../session.errors';
import { lockoutPolicyOf, SESSION_SETTINGS, type SessionSettings } from '../session.settings';

export const changeMyPasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  /** The caller's own refresh token: its session survives the change, every other ends. */
  refreshToken: z.string().min(1).max(128).optional(),
});

export type ChangeMyPasswordInput = z.infer<typeof changeMyPasswordSchema>;

/**
 * A signed-in person changes their own password. The current password is checked under
 * sign-in's rules (per-IP attempts, and a wrong one counts towards the account's lockout),
 * because an access token left in an unattended browser must not be enough to take the
 * account over. The new password, the history entry and the end of every other session
 * are written in one transaction: a failure leaves the old password and sessions in place.
 */
@Injectable()
export class ChangeMyPasswordUseCase {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly rateLimiter: IpRateLimiter,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(
    user: AuthenticatedUser,
    input: ChangeMyPasswordInput,
    clientIp: string,
    now = new Date(),
  ): Promise<void> {
    await this.rateLimiter.consume('signin', clientIp);
    const account = await this.credentials.findById(user.accountId);
    if (!account || account.status !== 'active') throw new AuthError('AUTH_TOKEN_INVALID');
    if (account.lockedUntil && account.lockedUntil > now) {
      // The caller proved who they are with a token, so saying "locked" tells an attacker
      // nothing sign-in hides; the real hash is still not consulted while locked.
      throw new TooManyAttemptsError(
        Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 1000),
      );
    }
    if (!(await this.hasher.verify(input.currentPassword, account.passwordHash))) {
      await this.credentials.recordFailedSignIn(account._id, lockoutPolicyOf(this.settings), now);
      throw new CurrentPasswordInvalidError();
    }
    if (account.failedSignIns > 0) await this.credentials.recordSuccessfulSignIn(account._id);

    const violations = passwordPolicyViolations(input.newPassword, account.userId);
    // The current password was just verified, so comparing the texts is comparing hashes.
    if (input.newPassword === input.currentPassword) violations.push('SAME_AS_CURRENT');
    if (violations.length > 0) throw new PasswordPolicyError(violations);

    const passwordHash = await this.hasher.hash(input.newPassword);
    const keepFamilyId = await this.callersFamily(account._id, input.refreshToken, now);
    await runInTransaction(this.connection, async (session) => {
      const changed = await this.credentials.setPassword(
        account._id,
        {
          passwordHash,
          action: 'password_changed',
          by: account._id,
          detail: { via: 'account_settings', callerSessionKept: keepFamilyId !== undefined },
        },
        now,
        session,
      );
      if (!changed) throw new AuthError('AUTH_TOKEN_INVALID');
      await this.refreshTokens.revokeAllOfAccount(account._id, now, session, keepFamilyId);
    });
  }

  /** The session to keep: the caller's refresh token, if it is a live one of this account. */
  private async callersFamily(
    accountId: string,
    refreshToken: string | undefined,
    now: Date,
  ): Promise<string | undefined> {
    if (refreshToken === undefined) return undefined;
    const token = await this.refreshTokens.findByHash(hashToken(refreshToken));
    const live =
      token !== null &&
      token.accountId === accountId &&
      token.revokedAt === null &&
      token.expiresAt > now;
    return live ? token.familyId : undefined;
  }
}
