import { Injectable } from '@nestjs/common';
import type { Audience } from '../../directory/directory';
import type { LocalizedText } from '../../notification/contract-types';
import { decodeCursor, pageOf } from '../../paging/page-cursor';
import { BroadcastRepository, type DeliveryCounts } from '../broadcast.repository';
import type { BroadcastDocument, BroadcastStatus } from '../broadcast.schema';

export interface BroadcastView {
  readonly broadcastId: string;
  readonly subject: LocalizedText;
  readonly body: LocalizedText;
  readonly audience: Audience;
  readonly mandatory: boolean;
  readonly requiresAck: boolean;
  readonly sentBy: string;
  readonly status: BroadcastStatus;
  readonly recipientCount: number;
  /** Messages by channel, then by status (sent, pending, failed, suppressed, delivered, …). */
  readonly delivery: DeliveryCounts;
  readonly createdAt: string;
  readonly completedAt: string | null;
}

/** Broadcasts for the national admin, with where each of their messages stands. */
@Injectable()
export class ListBroadcastsUseCase {
  constructor(private readonly broadcasts: BroadcastRepository) {}

  async execute(query: {
    limit: number;
    cursor?: string | undefined;
  }): Promise<{ broadcasts: BroadcastView[]; nextCursor: string | null }> {
    const found = await this.broadcasts.page({
      limit: query.limit,
      cursor: query.cursor ? decodeCursor(query.cursor) : null,
    });
    const page = pageOf(found, query.limit);
    const delivery = await this.broadcasts.deliveryCounts(page.items.map((item) => item._id));
    return {
      broadcasts: page.items.map((item) => toView(item, delivery.get(item._id) ?? {})),
      nextCursor: page.nextCursor,
    };
  }
}

export function toView(broadcast: BroadcastDocument, delivery: DeliveryCounts): BroadcastView {
  return {
    broadcastId: broadcast._id,
    subject: broadcast.subject,
    body: broadcast.body,
    audience: broadcast.audience,
    mandatory: broadcast.mandatory,
    requiresAck: broadcast.requiresAck,
    sentBy: broadcast.sentBy,
    status: broadcast.status,
    recipientCount: broadcast.recipientCount,
    delivery,
    createdAt: broadcast.createdAt.toISOString(),
    completedAt: broadcast.completedAt?.toISOString() ?? null,
  };
}
