import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { PasswordHasher } from '../../account/password-hasher';
import { CredentialsRepository } from '../credentials.repository';
import { hashToken } from '../opaque-token';
import { PASSWORD_MAX_LENGTH, passwordPolicyViolations } from '../password-policy';
import { ChallengeInvalidError, PasswordPolicyError } from '../session.errors';
import { SessionIssuer, type SignInResult } from '../session-issuer';
import { SignInChallengeRepository } from '../sign-in-challenge.repository';

export const changeInitialPasswordSchema = z.strictObject({
  challenge: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export type ChangeInitialPasswordInput = z.infer<typeof changeInitialPasswordSchema>;

/** The first sign-in's forced password change; then sign-in goes on to its next step. */
@Injectable()
export class ChangeInitialPasswordUseCase {
  constructor(
    private readonly challenges: SignInChallengeRepository,
    private readonly credentials: CredentialsRepository,
    private readonly hasher: PasswordHasher,
    private readonly issuer: SessionIssuer,
  ) {}

  async execute(input: ChangeInitialPasswordInput, now = new Date()): Promise<SignInResult> {
    const hash = hashToken(input.challenge);
    const challenge = await this.challenges.findLive(hash, 'password_change', now);
    if (!challenge) throw new ChallengeInvalidError();
    const account = await this.credentials.findById(challenge.accountId);
    if (!account || account.status !== 'active') throw new ChallengeInvalidError();

    const violations = passwordPolicyViolations(input.newPassword, account.userId);
    if (await this.hasher.verify(input.newPassword, account.passwordHash)) {
      violations.push('SAME_AS_CURRENT');
    }
    // A policy failure keeps the challenge, so the person can try another password.
    if (violations.length > 0) throw new PasswordPolicyError(violations);

    const passwordHash = await this.hasher.hash(input.newPassword);
    if (!(await this.challenges.consume(hash, 'password_change', now))) {
      throw new ChallengeInvalidError();
    }
    const changed = await this.credentials.setPassword(
      account._id,
      { passwordHash, action: 'password_changed', by: account._id },
      now,
    );
    if (!changed) throw new ChallengeInvalidError();
    return this.issuer.continueSignIn(
      { ...account, passwordHash, mustChangePassword: false },
      {},
      now,
    );
  }
}
