import { z } from 'zod';
import { CHANNELS, TEMPLATE_IDS, type TemplateId } from '../notification/catalogue';
import { MESSAGE_STATUSES, type MessageDocument } from '../notification/message.schema';

const recipientView = z.object({
  accountId: z.string().nullable(),
  email: z.string(),
  locale: z.string(),
});

export const deliveryRowView = z.object({
  id: z.string(),
  noticeId: z.string(),
  template: z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]]),
  channel: z.enum(CHANNELS),
  recipient: recipientView,
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryRow = z.infer<typeof deliveryRowView>;

export const deliveryListView = z.object({
  items: z.array(deliveryRowView),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const deliveryDetailView = deliveryRowView.extend({
  category: z.string(),
  mandatory: z.boolean(),
  urgent: z.boolean(),
  refs: z.object({
    editionId: z.string().nullable(),
    proposalId: z.string().nullable(),
    institutionId: z.string().nullable(),
  }),
  providerMessageId: z.string().nullable(),
  digestAt: z.string().nullable(),
  digestMessageId: z.string().nullable(),
  claimedBy: z.string().nullable(),
  claimedAt: z.string().nullable(),
  updatedAt: z.string(),
  log: z.array(z.object({ at: z.string(), status: z.enum(MESSAGE_STATUSES), detail: z.string() })),
});
export type DeliveryDetail = z.infer<typeof deliveryDetailView>;

export const deliverySummaryView = z.object({
  total: z.number(),
  byStatus: z.record(z.enum(MESSAGE_STATUSES), z.number()),
});

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

export function toDeliveryRow(message: MessageDocument): DeliveryRow {
  return {
    id: message._id,
    noticeId: message.noticeId,
    template: message.template,
    channel: message.channel,
    recipient: {
      accountId: message.recipient.accountId,
      email: message.recipient.email,
      locale: message.recipient.locale,
    },
    status: message.status,
    attempts: message.attempts,
    nextAttemptAt: iso(message.nextAttemptAt),
    lastError: message.lastError,
    sentAt: iso(message.sentAt),
    createdAt: message.createdAt.toISOString(),
  };
}

export function toDeliveryDetail(message: MessageDocument): DeliveryDetail {
  return {
    ...toDeliveryRow(message),
    category: message.category,
    mandatory: message.mandatory,
    urgent: message.urgent,
    refs: message.refs,
    providerMessageId: message.providerMessageId,
    digestAt: iso(message.digestAt),
    digestMessageId: message.digestMessageId,
    claimedBy: message.claimedBy,
    claimedAt: iso(message.claimedAt),
    updatedAt: message.updatedAt.toISOString(),
    log: message.log.map((entry) => ({
      at: entry.at.toISOString(),
      status: entry.status,
      detail: entry.detail,
    })),
  };
}
