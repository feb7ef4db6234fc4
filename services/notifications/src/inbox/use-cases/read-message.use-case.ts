import { Injectable } from '@nestjs/common';
import { TemplateRenderer } from '../../templates/template-renderer';
import { MessageNotFoundError } from '../inbox.errors';
import { InboxRepository } from '../inbox.repository';
import { toInboxItem, type InboxItemView } from '../inbox-views';

/**
 * Shows one of the caller's messages and, when `markRead`, records the first reading
 * (again later changes nothing). Someone else's message is "not found".
 */
@Injectable()
export class ReadMessageUseCase {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly renderer: TemplateRenderer,
  ) {}

  async execute(
    accountId: string,
    messageId: string,
    options: { markRead: boolean },
    now = new Date(),
  ): Promise<InboxItemView> {
    if (options.markRead) await this.inbox.markRead(accountId, messageId, now);
    const message = await this.inbox.findOwn(accountId, messageId);
    if (!message) throw new MessageNotFoundError(messageId);
    return toInboxItem(message, this.renderer);
  }
}
