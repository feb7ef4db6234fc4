import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { SigningKeyStore } from '@kipp/auth';
import { BROKER, MESSAGING_LOGGER, TopicNamer, type Broker } from '@kipp/messaging';
import { SigningKeyFeed } from './signing-key-feed';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/** Feeds the key store from the registration service's key events while the app runs. */
@Injectable()
export class SigningKeyFeedLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly feed: SigningKeyFeed;
  private starting: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(BROKER) broker: Broker,
    topics: TopicNamer,
    store: SigningKeyStore,
    @Inject(MESSAGING_LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_NAME) service: string,
  ) {
    this.feed = new SigningKeyFeed(broker, topics, store, logger, service);
  }

  onApplicationBootstrap(): void {
    // In the background, like the event consumer: readiness waits for the first key.
    this.starting = this.startWithRetry();
  }

  private async startWithRetry(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt += 1) {
      try {
        await this.feed.start();
        return;
      } catch (error) {
        this.logger.warn({ err: error, attempt }, 'signing key feed failed to start; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * attempt)));
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.feed.stop();
  }
}
