import { Injectable } from '@nestjs/common';
import { afterCursor, decodeCursor, pageOf } from '../../paging/page-cursor';
import type { QueryFilter } from 'mongoose';
import { z } from 'zod';
import { CHANNELS, TEMPLATE_IDS, type TemplateId } from '../../notification/catalogue';
import { MESSAGE_STATUSES, type MessageDocument } from '../../notification/message.schema';
import { DeliveryRepository } from '../delivery.repository';
import { toDeliveryRow, type DeliveryRow } from '../delivery.views';

const id = z.string().trim().min(1).max(300);

export const deliveryFilterSchema = z.strictObject({
  status: z.enum(MESSAGE_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  template: z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]]).optional(),
  accountId: id.optional(),
  email: z.string().trim().toLowerCase().max(254).optional(),
  noticeId: id.optional(),
  editionId: id.optional(),
  proposalId: id.optional(),
  /** createdAt on or after. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** createdAt before. */
  to: z.iso.datetime({ offset: true }).optional(),
});
export type DeliveryFilter = z.infer<typeof deliveryFilterSchema>;

export const listDeliveriesSchema = deliveryFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(600).optional(),
});
export type ListDeliveriesInput = z.infer<typeof listDeliveriesSchema>;

export interface DeliveryPage {
  items: DeliveryRow[];
  nextCursor: string | null;
}

/** The mongo filter of the delivery log's query parameters. */
export function deliveryFilterOf(input: DeliveryFilter): QueryFilter<MessageDocument> {
  const filter: QueryFilter<MessageDocument> = {};
  if (input.status) filter.status = input.status;
  if (input.channel) filter.channel = input.channel;
  if (input.template) filter.template = input.template;
  if (input.accountId) filter['recipient.accountId'] = input.accountId;
  if (input.email) filter['recipient.email'] = input.email;
  if (input.noticeId) filter.noticeId = input.noticeId;
  if (input.editionId) filter['refs.editionId'] = input.editionId;
  if (input.proposalId) filter['refs.proposalId'] = input.proposalId;
  if (input.from || input.to) {
    filter.createdAt = {
      ...(input.from && { $gte: new Date(input.from) }),
      ...(input.to && { $lt: new Date(input.to) }),
    };
  }
  return filter;
}

/** The delivery log, newest first, one page at a time. */
@Injectable()
export class ListDeliveriesUseCase {
  constructor(private readonly deliveries: DeliveryRepository) {}

  async execute(input: ListDeliveriesInput): Promise<DeliveryPage> {
    const filter = {
      ...deliveryFilterOf(input),
      ...afterCursor(input.cursor === undefined ? null : decodeCursor(input.cursor)),
    };
    const page = pageOf(await this.deliveries.list(filter, input.limit + 1), input.limit);
    return { items: page.items.map(toDeliveryRow), nextCursor: page.nextCursor };
  }
}
