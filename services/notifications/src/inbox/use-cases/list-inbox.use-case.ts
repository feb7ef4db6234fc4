import { Injectable } from '@nestjs/common';
import { TemplateRenderer } from '../../templates/template-renderer';
import { InboxRepository } from '../inbox.repository';
import { toInboxItem, type InboxItemView } from '../inbox-views';
import { decodeCursor, pageOf } from '../../paging/page-cursor';

export interface ListInboxQuery {
  readonly unread?: boolean;
  readonly limit: number;
  readonly cursor?: string;
}

/** The caller's own inbox, newest first. */
@Injectable()
export class ListInboxUseCase {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly renderer: TemplateRenderer,
  ) {}

  async execute(
    accountId: string,
    query: ListInboxQuery,
  ): Promise<{ items: InboxItemView[]; nextCursor: string | null }> {
    const found = await this.inbox.page(accountId, {
      ...(query.unread === undefined ? {} : { unread: query.unread }),
      limit: query.limit,
      cursor: query.cursor ? decodeCursor(query.cursor) : null,
    });
    const page = pageOf(found, query.limit);
    return {
      items: page.items.map((message) => toInboxItem(message, this.renderer)),
      nextCursor: page.nextCursor,
    };
  }
}
