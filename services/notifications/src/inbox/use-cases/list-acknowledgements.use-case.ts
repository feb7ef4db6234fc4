import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { Directory } from '../../directory/directory';
import { TemplateRenderer } from '../../templates/template-renderer';
import { NoticeNotFoundError } from '../inbox.errors';
import { InboxRepository } from '../inbox.repository';
import { noticeTitle } from '../inbox-views';
import { decodeCursor, pageOf } from '../../paging/page-cursor';
import { maySeeNotice } from './notice-access';

export interface AcknowledgementRow {
  readonly accountId: string | null;
  readonly name: string;
  readonly email: string;
  readonly institutionId: string | null;
  readonly readAt: string | null;
  readonly acknowledgedAt: string | null;
}

export interface AcknowledgementsView {
  readonly noticeId: string;
  readonly template: string;
  readonly title: { id: string; en: string };
  readonly requiresAck: boolean;
  readonly counts: { recipients: number; acknowledged: number; pending: number };
  readonly recipients: AcknowledgementRow[];
  readonly nextCursor: string | null;
}

/**
 * Who has confirmed a notice and who has not, from its inbox copies (the channel people
 * acknowledge on): the counts of all of them and one page of recipients, newest first. A
 * notice the caller may not see is "not found", as is an unknown one.
 */
@Injectable()
export class ListAcknowledgementsUseCase {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly directory: Directory,
    private readonly renderer: TemplateRenderer,
  ) {}

  async execute(
    user: AuthenticatedUser,
    noticeId: string,
    query: { acknowledged?: boolean; limit: number; cursor?: string },
  ): Promise<AcknowledgementsView> {
    const notice = await this.inbox.notice(noticeId);
    if (!notice || !maySeeNotice(user, notice)) throw new NoticeNotFoundError(noticeId);
    const [counted, found] = await Promise.all([
      this.inbox.acknowledgementCounts([noticeId]),
      this.inbox.acknowledgementPage(noticeId, {
        ...(query.acknowledged === undefined ? {} : { acknowledged: query.acknowledged }),
        limit: query.limit,
        cursor: query.cursor ? decodeCursor(query.cursor) : null,
      }),
    ]);
    const { items: copies, nextCursor } = pageOf(found, query.limit);
    const institutions = await this.directory.institutionsOfAccounts(
      copies.flatMap((copy) => copy.recipient.accountId ?? []),
    );
    const rows: AcknowledgementRow[] = copies.map((copy) => ({
      accountId: copy.recipient.accountId,
      name: copy.recipient.name,
      email: copy.recipient.email,
      institutionId: copy.recipient.accountId
        ? (institutions.get(copy.recipient.accountId) ?? null)
        : null,
      readAt: copy.readAt?.toISOString() ?? null,
      acknowledgedAt: copy.acknowledgedAt?.toISOString() ?? null,
    }));
    const { delivered = 0, acknowledged = 0 } = counted.get(noticeId) ?? {};
    return {
      noticeId,
      template: notice.template,
      title: noticeTitle(notice, this.renderer),
      requiresAck: notice.requiresAck,
      counts: { recipients: delivered, acknowledged, pending: delivered - acknowledged },
      recipients: rows,
      nextCursor,
    };
  }
}
