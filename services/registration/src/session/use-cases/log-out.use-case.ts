import { Injectable } from '@nestjs/common';
import { hashToken } from '../opaque-token';
import { RefreshTokenRepository } from '../refresh-token.repository';
import type { RefreshTokenBody } from './refresh-session.use-case';

/**
 * Ends the session the refresh token belongs to. Unknown tokens are ignored: logging out
 * twice is not an error. Access tokens already issued live out their short lifetime.
 */
@Injectable()
export class LogOutUseCase {
  constructor(private readonly refreshTokens: RefreshTokenRepository) {}

  async execute(input: RefreshTokenBody, now = new Date()): Promise<void> {
    const token = await this.refreshTokens.findByHash(hashToken(input.refreshToken));
    if (token) await this.refreshTokens.revokeFamily(token.familyId, now);
  }
}
