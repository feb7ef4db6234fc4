import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { CredentialsRepository } from '../credentials.repository';
import { hashToken } from '../opaque-token';
import { RefreshTokenRepository } from '../refresh-token.repository';
import { RefreshTokenInvalidError, RefreshTokenReusedError } from '../session.errors';
import { SessionIssuer, type SignedIn } from '../session-issuer';

export const refreshTokenBodySchema = z.strictObject({
  refreshToken: z.string().min(1).max(128),
});

export type RefreshTokenBody = z.infer<typeof refreshTokenBodySchema>;

/**
 * Trades a refresh token for a new pair. Each refresh token works once: presenting one
 * that was already traded means a copy exists somewhere, so the whole family is revoked
 * and both holders must sign in again.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly credentials: CredentialsRepository,
    private readonly issuer: SessionIssuer,
  ) {}

  async execute(input: RefreshTokenBody, now = new Date()): Promise<SignedIn> {
    const outcome = await this.refreshTokens.markRotated(hashToken(input.refreshToken), now);
    if (outcome.kind === 'reused') {
      await this.refreshTokens.revokeFamily(outcome.token.familyId, now);
      throw new RefreshTokenReusedError();
    }
    if (outcome.kind === 'invalid') throw new RefreshTokenInvalidError();

    // Claims come fresh from the account: roles or status may have changed since sign-in.
    const account = await this.credentials.findById(outcome.token.accountId);
    if (!account || account.status !== 'active') {
      await this.refreshTokens.revokeFamily(outcome.token.familyId, now);
      throw new RefreshTokenInvalidError();
    }
    return this.issuer.issueTokens(account, outcome.token.familyId, now);
  }
}
