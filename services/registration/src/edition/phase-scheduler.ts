import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { InjectLogger } from '@kipp/observability';
import { PeriodicJob } from '@kipp/service-kit';
import { AdvanceEditionPhasesUseCase } from './use-cases/advance-edition-phases.use-case';

export const PHASE_SCHEDULER_OPTIONS = Symbol('PHASE_SCHEDULER_OPTIONS');

export interface PhaseSchedulerOptions {
  readonly enabled: boolean;
  readonly intervalMs: number;
}

/**
 * Runs the phase scheduler on every replica, every `intervalMs`. Replicas need no leader:
 * the use case's conditional writes let exactly one of them make each change.
 */
@Injectable()
export class PhaseScheduler extends PeriodicJob<number> {
  constructor(
    advancePhases: AdvanceEditionPhasesUseCase,
    @Inject(PHASE_SCHEDULER_OPTIONS) options: PhaseSchedulerOptions,
    @InjectLogger() logger: Logger,
  ) {
    super({
      name: 'phase scheduler tick',
      intervalMs: options.enabled ? options.intervalMs : 0,
      logger,
      run: async () => {
        const moved = await advancePhases.execute();
        if (moved > 0) logger.info({ moved }, 'edition phases advanced on schedule');
        return moved;
      },
    });
  }
}
