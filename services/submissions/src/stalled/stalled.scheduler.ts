import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { InjectLogger } from '@kipp/observability';
import { PeriodicJob } from '@kipp/service-kit';
import { STALLED_OPTIONS, type StalledOptions } from './stalled.options';
import { DetectStalledProposalsUseCase } from './use-cases/detect-stalled-proposals.use-case';

/**
 * Runs the stuck-draft detector on every replica, every `scanIntervalMs`. No leader is
 * needed: each nudge is one conditional write, so exactly one replica makes it.
 */
@Injectable()
export class StalledScheduler extends PeriodicJob<number> {
  constructor(
    detect: DetectStalledProposalsUseCase,
    @Inject(STALLED_OPTIONS) options: StalledOptions,
    @InjectLogger() logger: Logger,
  ) {
    super({
      name: 'stalled-proposal scan',
      intervalMs: options.scanEnabled ? options.scanIntervalMs : 0,
      logger,
      run: async () => {
        const queued = await detect.execute();
        if (queued > 0) logger.info({ queued }, 'stalled proposals nudged');
        return queued;
      },
    });
  }
}
