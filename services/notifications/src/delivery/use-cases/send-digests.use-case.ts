import { Inject, Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { OutboxNotifier } from '@kipp/messaging';
import { runInTransaction } from '@kipp/mongo';
import { InjectLogger } from '@kipp/observability';
import type { TemplateId, TemplateParams } from '../../notification/catalogue';
import type { MessageDocument, MessageRecipient } from '../../notification/message.schema';
import { Notifier } from '../../notification/notifier';
import { messageIdOf, recipientKeyOf } from '../../notification/recipient';
import { UnrenderableMessageError } from '../../templates/template.errors';
import { TemplateRenderer } from '../../templates/template-renderer';
import { DELIVERY_OPTIONS, type DeliveryOptions } from '../delivery.options';
import { DeliveryRepository } from '../delivery.repository';

type DigestItem = TemplateParams['digest']['items'][number];

interface DigestGroup {
  readonly recipient: MessageRecipient;
  readonly digestAt: Date;
}

/**
 * Turns the held messages of each recipient whose digest time has come into one `digest`
 * notice, and marks them digested, in one transaction: a replica that loses the race finds
 * them taken and writes nothing.
 */
@Injectable()
export class SendDigestsUseCase {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly notifier: Notifier,
    private readonly renderer: TemplateRenderer,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
    @Inject(DELIVERY_OPTIONS) private readonly options: DeliveryOptions,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  /** Resolves to the digests written. */
  async execute(now = new Date()): Promise<number> {
    const due = await this.deliveries.dueDigestItems(now, this.options.batchSize);
    const groups = new Map<string, DigestGroup>();
    for (const message of due) {
      const key = `${recipientKeyOf(message.recipient)}|${message.digestAt?.toISOString()}`;
      if (!groups.has(key) && message.digestAt) {
        groups.set(key, { recipient: message.recipient, digestAt: message.digestAt });
      }
    }
    let written = 0;
    for (const group of groups.values()) {
      if (await this.writeDigest(group, now)) written += 1;
    }
    return written;
  }

  private async writeDigest(group: DigestGroup, now: Date): Promise<boolean> {
    const recipientKey = recipientKeyOf(group.recipient);
    const noticeId = `digest:${recipientKey}:${group.digestAt.toISOString()}`;
    const digestMessageId = messageIdOf(noticeId, recipientKey, 'email');
    let failedItems = 0;
    const written = await runInTransaction(this.connection, async (session) => {
      failedItems = 0;
      const held = await this.deliveries.digestItemsOf(group.recipient, group.digestAt, session);
      const items: DigestItem[] = [];
      const digested: string[] = [];
      for (const message of held) {
        const item = this.itemOf(message);
        if (item) {
          items.push(item);
          digested.push(message._id);
        } else if (await this.deliveries.failDigestItem(message, 'unrenderable', session, now)) {
          failedItems += 1;
        }
      }
      if (items.length === 0) return false;
      await this.notifier.notify(
        {
          noticeId,
          template: 'digest',
          params: { items },
          recipients: [{ ...group.recipient }],
          sentBy: { kind: 'system', process: 'daily-digest' },
        },
        session,
        now,
      );
      if (!(await this.deliveries.markDigested(digested, digestMessageId, session, now))) {
        // Another replica took some of them: abort, and let the next pass see what is left.
        throw new DigestRaceError(noticeId);
      }
      return true;
    }).catch((error: unknown) => {
      if (error instanceof DigestRaceError) return false;
      throw error;
    });
    if (failedItems > 0) this.outbox.nudge();
    if (written) this.logger.info({ noticeId }, 'daily digest written');
    return written;
  }

  private itemOf(message: MessageDocument): DigestItem | null {
    try {
      const rendered = this.renderer.render(
        message.template,
        message.params as unknown as TemplateParams[TemplateId],
        {
          locale: message.recipient.locale,
          timeZone: message.recipient.timeZone,
          recipientName: message.recipient.name,
          inboxMessageId: null,
          requiresAck: false,
        },
      );
      return {
        template: message.template,
        subject: rendered.subject,
        link: rendered.link,
        createdAt: message.createdAt.toISOString(),
      };
    } catch (error) {
      if (error instanceof UnrenderableMessageError) return null;
      throw error;
    }
  }
}

class DigestRaceError extends Error {
  override readonly name = 'DigestRaceError';
  constructor(noticeId: string) {
    super(`digest ${noticeId} lost a race with another replica`);
  }
}
