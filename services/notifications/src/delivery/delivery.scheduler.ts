import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { InjectLogger } from '@kipp/observability';
import { PeriodicJob } from '@kipp/service-kit';
import { DELIVERY_OPTIONS, type DeliveryOptions } from './delivery.options';
import { DispatchMailUseCase, type DispatchOutcome } from './use-cases/dispatch-mail.use-case';
import { SendDigestsUseCase } from './use-cases/send-digests.use-case';

export interface DeliveryPassOutcome extends DispatchOutcome {
  digests: number;
}

/**
 * Runs the dispatcher on every replica with delivery enabled. No leader: claims and
 * conditional updates keep each email to one replica, transactions each digest.
 * Digests go first, so a digest written in this pass is sent in the same pass.
 */
@Injectable()
export class DeliveryScheduler extends PeriodicJob<DeliveryPassOutcome> {
  constructor(
    digests: SendDigestsUseCase,
    dispatch: DispatchMailUseCase,
    @Inject(DELIVERY_OPTIONS) options: DeliveryOptions,
    @InjectLogger() logger: Logger,
  ) {
    super({
      name: 'email delivery',
      intervalMs: options.enabled ? options.intervalMs : 0,
      logger,
      run: async () => {
        // A digest that cannot be written now must not hold back the rest of the mail.
        const digested = await digests.execute().catch((error: unknown) => {
          logger.warn({ err: error }, 'daily digests failed; retrying next pass');
          return 0;
        });
        const outcome = await dispatch.execute();
        return { ...outcome, digests: digested };
      },
    });
  }
}
