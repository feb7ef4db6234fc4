import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import type { TemplateId } from '../../notification/catalogue';
import { TemplateRenderer } from '../../templates/template-renderer';
import { InboxRepository } from '../inbox.repository';
import { noticeTitle } from '../inbox-views';
import { decodeCursor, pageOf } from '../../paging/page-cursor';
import { institutionScopeOf } from './notice-access';

export interface ListNoticesQuery {
  readonly requiresAck?: boolean;
  readonly template?: TemplateId;
  readonly editionId?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface NoticeSummary {
  readonly id: string;
  readonly template: TemplateId;
  readonly category: string;
  readonly title: { id: string; en: string };
  readonly mandatory: boolean;
  readonly requiresAck: boolean;
  readonly refs: {
    editionId: string | null;
    proposalId: string | null;
    institutionId: string | null;
  };
  readonly recipientCount: number;
  readonly acknowledgedCount: number;
  readonly createdAt: string;
}

/** Notices as their sender sees them, newest first, with how many have acknowledged. */
@Injectable()
export class ListNoticesUseCase {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly renderer: TemplateRenderer,
  ) {}

  async execute(
    user: AuthenticatedUser,
    query: ListNoticesQuery,
  ): Promise<{ notices: NoticeSummary[]; nextCursor: string | null }> {
    const scope = institutionScopeOf(user);
    if (scope === null) return { notices: [], nextCursor: null };
    const found = await this.inbox.noticePage(
      {
        ...(query.requiresAck === undefined ? {} : { requiresAck: query.requiresAck }),
        ...(query.template ? { template: query.template } : {}),
        ...(query.editionId ? { editionId: query.editionId } : {}),
        ...(scope.kind === 'all' ? {} : { institutionId: scope.institutionId }),
      },
      { limit: query.limit, cursor: query.cursor ? decodeCursor(query.cursor) : null },
    );
    const page = pageOf(found, query.limit);
    const counts = await this.inbox.acknowledgementCounts(page.items.map((notice) => notice._id));
    return {
      notices: page.items.map((notice) => ({
        id: notice._id,
        template: notice.template,
        category: notice.category,
        title: noticeTitle(notice, this.renderer),
        mandatory: notice.mandatory,
        requiresAck: notice.requiresAck,
        refs: notice.refs,
        recipientCount: notice.recipientCount,
        acknowledgedCount: counts.get(notice._id)?.acknowledged ?? 0,
        createdAt: notice.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
