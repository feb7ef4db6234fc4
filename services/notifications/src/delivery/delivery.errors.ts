import { ConflictError, NotFoundError } from '@kipp/service-kit';
import type { MessageStatus } from '../notification/message.schema';

export class DeliveryNotFoundError extends NotFoundError {
  constructor(messageId: string) {
    super('DELIVERY_NOT_FOUND', `message ${messageId} does not exist`, { messageId });
  }
}

export class DeliveryNotResendableError extends ConflictError {
  constructor(messageId: string, channel: string, status: MessageStatus) {
    super(
      'DELIVERY_NOT_RESENDABLE',
      `message ${messageId} is a ${status} ${channel} message; only failed or interrupted emails can be resent`,
      { messageId, channel, status },
    );
  }
}
