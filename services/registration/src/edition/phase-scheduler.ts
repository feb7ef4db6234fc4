import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { InjectLogger } from '@kipp/observability';
import { AdvanceEditionPhasesUseCase } from './use-cases/advance-edition-phases.use-case';

export const PHASE_SCHEDULER_OPTIONS = Symbol('PHASE_SCHEDULER_OPTIONS');

export interface PhaseSchedulerOptions {
  readonly enabled: boolean;
  readonly intervalMs: number;
}

/**
 * Runs the phase scheduler on every replica, every `intervalMs`. Replicas need no leader:
 * the use case's conditional writes let exactly one of them make each change. Ticks never
 * overlap within a replica; a failed tick is logged and the next one tries again.
 */
@Injectable()
export class PhaseScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;

  constructor(
    private readonly advancePhases: AdvanceEditionPhasesUseCase,
    @Inject(PHASE_SCHEDULER_OPTIONS) private readonly options: PhaseSchedulerOptions,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    this.timer = setInterval(() => {
      this.tick ??= this.runTick().finally(() => {
        this.tick = undefined;
      });
    }, this.options.intervalMs);
  }

  private async runTick(): Promise<void> {
    try {
      const moved = await this.advancePhases.execute();
      if (moved > 0) this.logger.info({ moved }, 'edition phases advanced on schedule');
    } catch (error) {
      this.logger.warn({ err: error }, 'phase scheduler tick failed; retrying next tick');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.tick;
  }
}
