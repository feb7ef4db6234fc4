import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';
import type { Category, TemplateId } from './catalogue';
import type { MessageRefs } from './message.schema';

export type NoticeSender =
  { kind: 'account'; accountId: string } | { kind: 'system'; process: string };

/**
 * One notification as its sender sees it: what went out, to how many people, and whether
 * they must acknowledge it. Its messages (one per recipient and channel) carry its id.
 */
export interface NoticeDocument {
  /** The event id, reminder id or broadcast id the notice comes from. */
  _id: string;
  template: TemplateId;
  category: Category;
  mandatory: boolean;
  requiresAck: boolean;
  params: Record<string, unknown>;
  refs: MessageRefs;
  sentBy: NoticeSender;
  recipientCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export const NOTICE_MODEL = 'Notice';

export const noticeSchema = new Schema<NoticeDocument>(
  {
    _id: { type: String, required: true },
    template: { type: String, required: true },
    category: { type: String, required: true },
    mandatory: { type: Boolean, required: true },
    requiresAck: { type: Boolean, required: true },
    params: { type: Schema.Types.Mixed, required: true },
    refs: {
      _id: false,
      editionId: { type: String, default: null },
      proposalId: { type: String, default: null },
      institutionId: { type: String, default: null },
    },
    sentBy: { type: Schema.Types.Mixed, required: true },
    recipientCount: { type: Number, required: true, default: 0 },
  },
  { ...schemaOptions('notices'), minimize: false },
);

noticeSchema.index({ requiresAck: 1, createdAt: -1 });
