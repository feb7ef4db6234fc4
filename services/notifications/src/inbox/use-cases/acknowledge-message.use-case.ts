import { Injectable } from '@nestjs/common';
import { TemplateRenderer } from '../../templates/template-renderer';
import { AcknowledgementNotRequiredError, MessageNotFoundError } from '../inbox.errors';
import { InboxRepository } from '../inbox.repository';
import { toInboxItem, type InboxItemView } from '../inbox-views';

/**
 * The recipient confirms an official notice: the first acknowledgement's time is kept, and
 * acknowledging also reads the message.
 */
@Injectable()
export class AcknowledgeMessageUseCase {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly renderer: TemplateRenderer,
  ) {}

  async execute(accountId: string, messageId: string, now = new Date()): Promise<InboxItemView> {
    const message = await this.inbox.findOwn(accountId, messageId);
    if (!message) throw new MessageNotFoundError(messageId);
    if (!message.requiresAck) throw new AcknowledgementNotRequiredError(messageId);
    await this.inbox.acknowledge(accountId, messageId, now);
    await this.inbox.markRead(accountId, messageId, now);
    const updated = await this.inbox.findOwn(accountId, messageId);
    if (!updated) throw new MessageNotFoundError(messageId);
    return toInboxItem(updated, this.renderer);
  }
}
