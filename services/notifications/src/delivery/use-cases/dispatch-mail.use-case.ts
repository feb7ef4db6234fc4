import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { OutboxNotifier } from '@kipp/messaging';
import { InjectLogger } from '@kipp/observability';
import { REDIS } from '@kipp/service-kit';
import { MailTransport } from '../../mail/mail.transport';
import type { TemplateId, TemplateParams } from '../../notification/catalogue';
import { UnrenderableMessageError } from '../../templates/template.errors';
import { TemplateRenderer, type RenderedMessage } from '../../templates/template-renderer';
import { backoffDelayMs } from '../backoff';
import { DELIVERY_OPTIONS, type DeliveryOptions } from '../delivery.options';
import { DeliveryRepository, type ClaimedMessage } from '../delivery.repository';
import { classifySmtpFailure } from '../smtp-failure';
import { SmtpRateGate } from '../smtp-rate-gate';

export interface DispatchOutcome {
  sent: number;
  retried: number;
  failed: number;
  interrupted: number;
}

type Settled = 'sent' | 'retried' | 'failed' | 'released';

/** `<sha256(message id)@kipp>`: the same message always carries the same Message-ID. */
export function mailMessageIdOf(messageId: string): string {
  return `<${createHash('sha256').update(messageId).digest('hex').slice(0, 40)}@kipp>`;
}

/**
 * One pass of the email dispatcher: recovers claims whose replica died, then claims due
 * emails one by one and sends them, a few at a time, within the provider's rate limit.
 */
@Injectable()
export class DispatchMailUseCase {
  private readonly gate: SmtpRateGate;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly renderer: TemplateRenderer,
    private readonly transport: MailTransport,
    private readonly outbox: OutboxNotifier,
    @Inject(REDIS) redis: Redis,
    @Inject(DELIVERY_OPTIONS) private readonly options: DeliveryOptions,
    @InjectLogger() private readonly logger: Logger,
  ) {
    this.gate = new SmtpRateGate(redis, options.rateKeyPrefix, options.ratePerSecond);
  }

  async execute(): Promise<DispatchOutcome> {
    const outcome: DispatchOutcome = { sent: 0, retried: 0, failed: 0, interrupted: 0 };
    outcome.interrupted = await this.recoverStaleClaims();

    let claimed = 0;
    let rateLimited = false;
    const worker = async () => {
      while (claimed < this.options.batchSize && !rateLimited) {
        claimed += 1;
        const message = await this.deliveries.claimNext(this.options.replicaId, new Date());
        if (!message) {
          claimed = this.options.batchSize;
          return;
        }
        const settled = await this.deliver(message);
        if (settled === 'released') rateLimited = true;
        else outcome[settled] += 1;
      }
    };
    // allSettled: a pass ends only once every worker has, even when one of them failed.
    const results = await Promise.allSettled(
      Array.from({ length: this.options.concurrency }, worker),
    );
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) {
      if (outcome.failed + outcome.interrupted > 0) this.outbox.nudge();
      throw failure.reason;
    }
    if (outcome.failed + outcome.interrupted > 0) this.outbox.nudge();
    return outcome;
  }

  private async recoverStaleClaims(): Promise<number> {
    const now = new Date();
    const stale = await this.deliveries.staleClaims(
      new Date(now.getTime() - this.options.claimTimeoutMs),
      this.options.batchSize,
    );
    let interrupted = 0;
    for (const message of stale) {
      if (await this.deliveries.markInterrupted(message, now)) {
        interrupted += 1;
        this.logger.warn(
          { messageId: message._id, claimedBy: message.claimedBy },
          'email interrupted mid-send; dead-lettered, not resent',
        );
      }
    }
    return interrupted;
  }

  private async deliver(message: ClaimedMessage): Promise<Settled> {
    const inboxCopy = await this.deliveries.inboxCopyOf(message);
    let rendered: RenderedMessage;
    try {
      rendered = this.render(message, inboxCopy);
    } catch (error) {
      if (!(error instanceof UnrenderableMessageError)) throw error;
      await this.deliveries.markFailed(
        message,
        { error: error.message, reason: 'REJECTED', attempted: false },
        new Date(),
      );
      return 'failed';
    }

    // The token is taken last, right before the send, so the mail reaches the relay within
    // the second whose budget it used. Passes run at a fixed phase of the second, so a pass
    // that starts late in one waits for the next rather than ending.
    const wait = this.gate.waitBeforeSend(new Date());
    if (wait > 0) await sleep(wait);
    const now = new Date();
    if (!(await this.gate.take(now))) {
      const retryAt = new Date(this.gate.nextWindow(now).getTime() + Math.random() * 100);
      await this.deliveries.release(message, retryAt, now);
      return 'released';
    }

    try {
      const sent = await this.transport.send({
        to: message.recipient.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: mailMessageIdOf(message._id),
        headers: { 'X-KIPP-Message-Id': message._id, 'X-KIPP-Template': message.template },
      });
      await this.deliveries.markSent(message, sent.messageId, new Date(), this.gate.windowOf(now));
      return 'sent';
    } catch (error) {
      return this.settleFailure(message, error);
    }
  }

  private render(
    message: ClaimedMessage,
    inboxCopy: { _id: string; requiresAck: boolean } | null,
  ): RenderedMessage {
    const template = message.template;
    return this.renderer.render(template, message.params as unknown as TemplateParams[TemplateId], {
      locale: message.recipient.locale,
      timeZone: message.recipient.timeZone,
      recipientName: message.recipient.name,
      inboxMessageId: inboxCopy?._id ?? null,
      // Acknowledgement lives on the inbox copy; the email links to it.
      requiresAck: inboxCopy?.requiresAck ?? false,
      // A broadcast's own flag, which the footer states.
      mandatory: message.mandatory,
    });
  }

  private async settleFailure(message: ClaimedMessage, error: unknown): Promise<Settled> {
    const failure = classifySmtpFailure(error);
    const now = new Date();
    if (failure.permanent || message.attempts + 1 >= this.options.maxAttempts) {
      await this.deliveries.markFailed(
        message,
        {
          error: failure.description,
          reason: failure.permanent ? 'REJECTED' : 'RETRIES_EXHAUSTED',
          attempted: true,
        },
        now,
      );
      this.logger.warn(
        { messageId: message._id, error: failure.description },
        'email failed; dead-lettered',
      );
      return 'failed';
    }
    const delay = backoffDelayMs(message.attempts + 1, {
      baseMs: this.options.backoffBaseMs,
      maxMs: this.options.backoffMaxMs,
    });
    await this.deliveries.scheduleRetry(
      message,
      failure.description,
      new Date(now.getTime() + delay),
      now,
    );
    return 'retried';
  }
}
