import { Injectable } from '@nestjs/common';
import type { QueryFilter } from 'mongoose';
import { z } from 'zod';
import { ValidationError } from '@kipp/service-kit';
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

interface Cursor {
  createdAt: Date;
  id: string;
}

const cursorSchema = z.tuple([z.iso.datetime(), z.string().min(1).max(300)]);

export function encodeCursor(row: Pick<DeliveryRow, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.createdAt, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) {
    throw new ValidationError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
  }
  return { createdAt: new Date(result.data[0]), id: result.data[1] };
}

/** The delivery log, newest first, one page at a time. */
@Injectable()
export class ListDeliveriesUseCase {
  constructor(private readonly deliveries: DeliveryRepository) {}

  async execute(input: ListDeliveriesInput): Promise<DeliveryPage> {
    const filter = deliveryFilterOf(input);
    if (input.cursor !== undefined) {
      const after = decodeCursor(input.cursor);
      filter.$or = [
        { createdAt: { $lt: after.createdAt } },
        { createdAt: after.createdAt, _id: { $lt: after.id } },
      ];
    }
    const found = await this.deliveries.list(filter, input.limit + 1);
    const items = found.slice(0, input.limit).map(toDeliveryRow);
    const last = items.at(-1);
    return {
      items,
      nextCursor: found.length > input.limit && last ? encodeCursor(last) : null,
    };
  }
}
