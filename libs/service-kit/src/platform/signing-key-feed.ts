import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { SigningKeyPublishedV1 } from '@kipp/contracts';
import { parseMessage, type Broker, type RunningConsumer, type TopicNamer } from '@kipp/messaging';
import type { SigningKeyStore } from '@kipp/auth';

/**
 * Keeps a service's key store in step with the keys the registration service publishes.
 * Every instance needs every key, so each reads the compacted topic from the beginning in
 * a consumer group of its own; the store is in memory and rebuilt at each start.
 * Only the registration service may write to the topic (broker ACLs in production).
 */
export class SigningKeyFeed {
  private running: RunningConsumer | undefined;

  constructor(
    private readonly broker: Broker,
    private readonly topics: TopicNamer,
    private readonly store: SigningKeyStore,
    private readonly logger: Logger,
    private readonly service: string,
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = await this.broker.runConsumer({
      groupId: `${this.service}.signing-keys.${randomUUID()}`,
      topics: [this.topics.topicOf(SigningKeyPublishedV1)],
      fromBeginning: true,
      partitionsConsumedConcurrently: 1,
      onMessage: (message) => {
        const parsed = parseMessage(SigningKeyPublishedV1, message);
        if (!parsed.ok) {
          this.logger.warn(
            { reason: parsed.reason, detail: parsed.detail },
            'signing key event ignored',
          );
          return Promise.resolve();
        }
        try {
          this.store.put(parsed.event.payload);
          this.logger.info({ kid: parsed.event.payload.kid }, 'signing key loaded');
        } catch (error) {
          this.logger.error({ err: error, kid: parsed.event.payload.kid }, 'signing key rejected');
        }
        return Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.stop();
  }
}
