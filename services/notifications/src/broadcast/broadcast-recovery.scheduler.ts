import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { InjectLogger } from '@kipp/observability';
import { PeriodicJob } from '@kipp/service-kit';
import { BroadcastRepository } from './broadcast.repository';
import { FanOutBroadcastUseCase } from './use-cases/fan-out-broadcast.use-case';

export const BROADCAST_RECOVERY_OPTIONS = Symbol('BROADCAST_RECOVERY_OPTIONS');

export interface BroadcastRecoveryOptions {
  /** 0 turns the periodic pass off (the pass at start still runs). */
  readonly intervalMs: number;
}

/**
 * Finishes broadcasts left `fanning-out` by a replica that stopped mid-way: once at start,
 * then periodically. Every replica may run it; a claim keeps each fan-out to one at a time.
 */
@Injectable()
export class BroadcastRecoveryScheduler extends PeriodicJob<number> {
  constructor(
    broadcasts: BroadcastRepository,
    fanOut: FanOutBroadcastUseCase,
    @Inject(BROADCAST_RECOVERY_OPTIONS) options: BroadcastRecoveryOptions,
    @InjectLogger() logger: Logger,
  ) {
    super({
      name: 'broadcast recovery',
      intervalMs: options.intervalMs,
      runAtStart: true,
      logger,
      run: async () => {
        let finished = 0;
        for (const broadcastId of await broadcasts.abandoned(new Date(), 20)) {
          if (await fanOut.execute(broadcastId)) {
            finished++;
            logger.info({ broadcastId }, 'interrupted broadcast fan-out finished');
          }
        }
        return finished;
      },
    });
  }
}
