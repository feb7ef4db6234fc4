import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { uniqueRecipients } from '../directory/directory';
import { TIME_ZONE_OFFSET_HOURS } from '@kipp/contracts';
import {
  DEFAULT_PREFERENCES,
  PREFERENCES_MODEL,
  type PreferencesDocument,
} from '../preferences/preferences.schema';
import { TEMPLATES, type Channel, type TemplateId, type TemplateParams } from './catalogue';
import {
  MESSAGE_MODEL,
  type MessageDocument,
  type MessageRefs,
  type MessageStatus,
} from './message.schema';
import { NOTICE_MODEL, type NoticeDocument, type NoticeSender } from './notice.schema';
import { messageIdOf, recipientKeyOf, type Recipient } from './recipient';

export const NOTIFIER_SETTINGS = Symbol('NOTIFIER_SETTINGS');

export interface NotifierSettings {
  /** Local hour (recipient's time zone) at which daily digests go out. */
  readonly digestHour: number;
}

export interface NotifyInput<T extends TemplateId> {
  /**
   * What the notice comes from, unique per notice: the event id for a notice caused by an
   * event, or a key of its own (`deadline:<edition>:<institution>:<threshold>`, a reminder
   * id, a broadcast id). With the recipient and channel it makes the message id, so the same
   * notice never reaches the same person twice on the same channel.
   */
  readonly noticeId: string;
  readonly template: T;
  readonly params: TemplateParams[T];
  readonly recipients: readonly Recipient[];
  readonly refs?: Partial<MessageRefs>;
  readonly sentBy: NoticeSender;
  /** Override the template's flags (broadcasts choose their own). */
  readonly mandatory?: boolean;
  readonly requiresAck?: boolean;
}

export interface NotifyOutcome {
  /** Messages written now (not those an earlier delivery of the notice wrote). */
  readonly created: number;
  readonly byStatus: Partial<Record<MessageStatus, number>>;
}

/**
 * Turns a notice into messages: one per recipient and channel of its template, in the
 * caller's transaction. Preferences decide here (opted out → `suppressed`, non-urgent with a
 * daily digest → `digest`); mandatory notices always go. Ids are deterministic, so a notice
 * written twice (the same event again, two replicas, a retried transaction) writes nothing
 * the second time. Email is sent later by the dispatcher; the inbox copy is delivered at once.
 */
@Injectable()
export class Notifier {
  constructor(
    @InjectModel(MESSAGE_MODEL) private readonly messages: Model<MessageDocument>,
    @InjectModel(NOTICE_MODEL) private readonly notices: Model<NoticeDocument>,
    @InjectModel(PREFERENCES_MODEL) private readonly preferences: Model<PreferencesDocument>,
    @Inject(NOTIFIER_SETTINGS) private readonly settings: NotifierSettings,
  ) {}

  async notify<T extends TemplateId>(
    input: NotifyInput<T>,
    session: ClientSession,
    now = new Date(),
  ): Promise<NotifyOutcome> {
    const recipients = uniqueRecipients(input.recipients);
    if (recipients.length === 0) return { created: 0, byStatus: {} };
    const meta = TEMPLATES[input.template];
    const mandatory = input.mandatory ?? meta.mandatory;
    const requiresAck = input.requiresAck ?? meta.requiresAck;
    const refs: MessageRefs = {
      editionId: input.refs?.editionId ?? null,
      proposalId: input.refs?.proposalId ?? null,
      institutionId: input.refs?.institutionId ?? null,
    };
    const choices = await this.preferencesOf(recipients, session);

    const candidates: MessageDocument[] = [];
    for (const recipient of recipients) {
      const choice = recipient.accountId
        ? (choices.get(recipient.accountId) ?? DEFAULT_PREFERENCES)
        : DEFAULT_PREFERENCES;
      const optedOut = !mandatory && (choice.optedOut as readonly string[]).includes(meta.category);
      for (const channel of meta.channels) {
        if (channel === 'inbox' && !recipient.accountId) continue;
        const { status, digestAt } = this.initialStatus(channel, {
          optedOut,
          digest: !mandatory && !meta.urgent && choice.dailyDigest,
          recipient,
          now,
        });
        candidates.push({
          _id: messageIdOf(input.noticeId, recipientKeyOf(recipient), channel),
          noticeId: input.noticeId,
          template: input.template,
          category: meta.category,
          mandatory,
          urgent: meta.urgent,
          requiresAck: requiresAck && channel === 'inbox',
          channel,
          recipient: { ...recipient },
          params: input.params,
          refs,
          status,
          attempts: 0,
          nextAttemptAt: status === 'pending' ? now : null,
          lastError: null,
          claimedBy: null,
          claimedAt: null,
          sentAt: null,
          providerMessageId: null,
          digestAt,
          digestMessageId: null,
          readAt: null,
          acknowledgedAt: null,
          log: [{ at: now, status, detail: optedOut ? 'recipient opted out' : 'queued' }],
          createdAt: now,
          updatedAt: now,
        });
      }
    }

    const existing = new Set(
      (
        await this.messages
          .find({ _id: { $in: candidates.map((message) => message._id) } }, { _id: 1 })
          .session(session)
          .lean<{ _id: string }[]>()
          .exec()
      ).map((message) => message._id),
    );
    const fresh = candidates.filter((message) => !existing.has(message._id));
    if (fresh.length > 0) {
      await this.messages.insertMany(fresh, { session, lean: true });
    }
    const newRecipients = new Set(fresh.map((message) => recipientKeyOf(message.recipient))).size;
    await this.notices
      .updateOne(
        { _id: input.noticeId },
        {
          $setOnInsert: {
            template: input.template,
            category: meta.category,
            mandatory,
            requiresAck,
            params: input.params,
            refs,
            sentBy: input.sentBy,
            createdAt: now,
          },
          $inc: { recipientCount: newRecipients },
          $set: { updatedAt: now },
        },
        // The notice's own instants, not mongoose's (the same `now` as its messages).
        { upsert: true, session, timestamps: false },
      )
      .exec();
    const byStatus: Partial<Record<MessageStatus, number>> = {};
    for (const message of fresh) byStatus[message.status] = (byStatus[message.status] ?? 0) + 1;
    return { created: fresh.length, byStatus };
  }

  private async preferencesOf(
    recipients: readonly Recipient[],
    session: ClientSession,
  ): Promise<Map<string, Pick<PreferencesDocument, 'optedOut' | 'dailyDigest'>>> {
    const accountIds = recipients.flatMap((recipient) => recipient.accountId ?? []);
    if (accountIds.length === 0) return new Map();
    const found = await this.preferences
      .find({ _id: { $in: accountIds } })
      .session(session)
      .lean<PreferencesDocument[]>()
      .exec();
    return new Map(found.map((entry) => [entry._id, entry]));
  }

  private initialStatus(
    channel: Channel,
    options: { optedOut: boolean; digest: boolean; recipient: Recipient; now: Date },
  ): { status: MessageStatus; digestAt: Date | null } {
    if (options.optedOut) return { status: 'suppressed', digestAt: null };
    if (channel === 'inbox') return { status: 'delivered', digestAt: null };
    if (options.digest) {
      return {
        status: 'digest',
        digestAt: nextDigestAt(
          options.now,
          TIME_ZONE_OFFSET_HOURS[options.recipient.timeZone],
          this.settings.digestHour,
        ),
      };
    }
    return { status: 'pending', digestAt: null };
  }
}

/** The next instant after `now` at `hour` o'clock local time in a UTC+`offsetHours` zone. */
export function nextDigestAt(now: Date, offsetHours: number, hour: number): Date {
  const hourMs = 3_600_000;
  const local = new Date(now.getTime() + offsetHours * hourMs);
  const candidate = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour);
  const localNext = candidate > local.getTime() ? candidate : candidate + 24 * hourMs;
  return new Date(localNext - offsetHours * hourMs);
}
