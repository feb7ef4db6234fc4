import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { PasswordResetRequestedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { CredentialsRepository } from '../credentials.repository';
import { IpRateLimiter } from '../ip-rate-limiter';
import { hashToken, newOpaqueToken } from '../opaque-token';
import { PasswordResetRepository } from '../password-reset.repository';
import { seal } from '@kipp/service-kit';
import { SESSION_SETTINGS, type SessionSettings } from '../session.settings';

export const requestPasswordResetSchema = z.strictObject({
  userId: z.string().trim().min(1).max(64),
});

export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetSchema>;

/**
 * Has a one-time reset link mailed to the account's address. The caller learns nothing:
 * the answer is the same whether or not the account exists. The token exists in clear
 * only inside the sealed link, which only notifications can open.
 */
@Injectable()
export class RequestPasswordResetUseCase {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly resets: PasswordResetRepository,
    private readonly rateLimiter: IpRateLimiter,
    private readonly outbox: OutboxNotifier,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  async execute(
    input: RequestPasswordResetInput,
    clientIp: string,
    now = new Date(),
  ): Promise<void> {
    await this.rateLimiter.consume('reset', clientIp);
    const account = await this.credentials.findByUserId(input.userId);
    if (!account || account.status !== 'active') return;

    const resetId = `pwr_${randomUUID()}`;
    const token = newOpaqueToken();
    const expiresAt = new Date(now.getTime() + this.settings.passwordResetTtlSeconds * 1000);
    const link = `${this.settings.portalUrl}/reset-password?token=${token}`;
    const event = createEvent(PasswordResetRequestedV1, {
      resetId,
      accountId: account._id,
      email: account.email,
      name: account.name,
      locale: account.locale,
      sealedLink: seal(link, this.settings.passwordResetSealingKey),
      expiresAt: expiresAt.toISOString(),
      requestedAt: now.toISOString(),
    });
    await this.resets.insert(
      {
        _id: resetId,
        tokenHash: hashToken(token),
        accountId: account._id,
        expiresAt,
        usedAt: null,
      },
      [event],
    );
    this.outbox.nudge();
  }
}
