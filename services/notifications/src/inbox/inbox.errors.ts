import { ConflictError, NotFoundError } from '@kipp/service-kit';

/** Also the answer for another person's message: its existence is not the caller's to know. */
export class MessageNotFoundError extends NotFoundError {
  constructor(messageId: string) {
    super('MESSAGE_NOT_FOUND', `Message ${messageId} was not found in your inbox`, { messageId });
  }
}

export class AcknowledgementNotRequiredError extends ConflictError {
  constructor(messageId: string) {
    super(
      'ACKNOWLEDGEMENT_NOT_REQUIRED',
      `Message ${messageId} does not ask for an acknowledgement`,
      { messageId },
    );
  }
}

export class NoticeNotFoundError extends NotFoundError {
  constructor(noticeId: string) {
    super('NOTICE_NOT_FOUND', `Notice ${noticeId} was not found`, { noticeId });
  }
}
