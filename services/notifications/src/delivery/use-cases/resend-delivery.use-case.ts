import { Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AuthenticatedUser } from '@kipp/auth';
import { InjectLogger } from '@kipp/observability';
import type { MessageStatus } from '../../notification/message.schema';
import { DeliveryNotFoundError, DeliveryNotResendableError } from '../delivery.errors';
import { DeliveryRepository } from '../delivery.repository';
import { toDeliveryDetail, type DeliveryDetail } from '../delivery.views';

const RESENDABLE: readonly MessageStatus[] = ['failed', 'interrupted'];

/**
 * A person's decision to send a failed or interrupted email again: the same message goes
 * back to `pending` with a fresh set of attempts. At most once binds the automatic retries,
 * not a national admin who chooses to resend.
 */
@Injectable()
export class ResendDeliveryUseCase {
  constructor(
    private readonly deliveries: DeliveryRepository,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async execute(
    messageId: string,
    user: AuthenticatedUser,
    now = new Date(),
  ): Promise<DeliveryDetail> {
    const message = await this.deliveries.findById(messageId);
    if (!message) throw new DeliveryNotFoundError(messageId);
    if (message.channel !== 'email' || !RESENDABLE.includes(message.status)) {
      throw new DeliveryNotResendableError(messageId, message.channel, message.status);
    }
    const requeued = await this.deliveries.requeue(messageId, message.status, user.accountId, now);
    // Someone else resent it between the read and the write.
    if (!requeued) {
      const current = await this.deliveries.findById(messageId);
      throw new DeliveryNotResendableError(
        messageId,
        message.channel,
        current?.status ?? message.status,
      );
    }
    this.logger.info({ messageId, requestedBy: user.accountId }, 'email resend requested');
    return toDeliveryDetail(requeued);
  }
}
