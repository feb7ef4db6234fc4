import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NotificationsConfig } from '../config/notifications.config';
import { DeliveryController } from './delivery.controller';
import { DELIVERY_OPTIONS, type DeliveryOptions } from './delivery.options';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryScheduler } from './delivery.scheduler';
import { DispatchMailUseCase } from './use-cases/dispatch-mail.use-case';
import { GetDeliveryUseCase } from './use-cases/get-delivery.use-case';
import { ListDeliveriesUseCase } from './use-cases/list-deliveries.use-case';
import { ResendDeliveryUseCase } from './use-cases/resend-delivery.use-case';
import { SendDigestsUseCase } from './use-cases/send-digests.use-case';
import { SummarizeDeliveriesUseCase } from './use-cases/summarize-deliveries.use-case';

/** Mails in flight at once per replica; nodemailer's pool keeps five connections. */
const CONCURRENCY = 5;

/** The email dispatcher (retries, dead letters, rate limit), daily digests and the delivery log. */
@Module({})
export class DeliveryModule {
  static register(config: Readonly<NotificationsConfig>): DynamicModule {
    return {
      module: DeliveryModule,
      controllers: [DeliveryController],
      providers: [
        {
          provide: DELIVERY_OPTIONS,
          // A factory, so every replica (even two in one test process) has its own claim id.
          useFactory: (): DeliveryOptions => ({
            enabled: config.DELIVERY_ENABLED,
            intervalMs: config.DELIVERY_INTERVAL_MS,
            batchSize: config.DELIVERY_BATCH_SIZE,
            concurrency: CONCURRENCY,
            maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
            backoffBaseMs: config.DELIVERY_BACKOFF_BASE_MS,
            backoffMaxMs: config.DELIVERY_BACKOFF_MAX_MS,
            claimTimeoutMs: config.DELIVERY_CLAIM_TIMEOUT_MS,
            ratePerSecond: config.SMTP_RATE_LIMIT_PER_SECOND,
            rateKeyPrefix: `notifications:${config.MONGO_DB}:smtp-rate:`,
            replicaId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
          }),
        },
        DeliveryRepository,
        DispatchMailUseCase,
        SendDigestsUseCase,
        DeliveryScheduler,
        ListDeliveriesUseCase,
        GetDeliveryUseCase,
        SummarizeDeliveriesUseCase,
        ResendDeliveryUseCase,
      ],
      exports: [DeliveryScheduler],
    };
  }
}
