import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { PasswordHasher } from '../../account/password-hasher';
import { CredentialsRepository } from '../credentials.repository';
import { IpRateLimiter } from '../ip-rate-limiter';
import { SignInFailedError } from '../session.errors';
import { SessionIssuer, type SignInResult } from '../session-issuer';
import { lockoutPolicyOf, SESSION_SETTINGS, type SessionSettings } from '../session.settings';

export const signInSchema = z.strictObject({
  userId: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export type SignInInput = z.infer<typeof signInSchema>;

/**
 * Checks a user id and password. Every failure looks the same from outside: the same
 * error, and an argon2 verification in every case (against a throwaway hash when there is
 * no usable account), so neither the answer nor its timing tells whether the account
 * exists, is deactivated or is locked.
 */
@Injectable()
export class SignInUseCase {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly hasher: PasswordHasher,
    private readonly rateLimiter: IpRateLimiter,
    private readonly issuer: SessionIssuer,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  async execute(input: SignInInput, clientIp: string, now = new Date()): Promise<SignInResult> {
    await this.rateLimiter.consume('signin', clientIp);
    const account = await this.credentials.findByUserId(input.userId);
    const locked = account?.lockedUntil != null && account.lockedUntil > now;

    if (!account || account.status !== 'active' || locked) {
      // While locked the real hash is not consulted: a right guess must not be confirmed.
      await this.hasher.verify(input.password, await this.throwawayHash());
      throw new SignInFailedError();
    }
    if (!(await this.hasher.verify(input.password, account.passwordHash))) {
      await this.credentials.recordFailedSignIn(account._id, lockoutPolicyOf(this.settings), now);
      throw new SignInFailedError();
    }
    if (account.failedSignIns > 0 || account.lockedUntil !== null) {
      await this.credentials.recordSuccessfulSignIn(account._id);
    }
    return this.issuer.continueSignIn(account, {}, now);
  }

  private throwawayHash(): Promise<string> {
    this.dummyHash ??= this.hasher.hash('not a password anyone has');
    return this.dummyHash;
  }
}
