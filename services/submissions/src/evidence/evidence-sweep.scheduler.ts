import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { InjectLogger } from '@kipp/observability';
import { EVIDENCE_SWEEP_OPTIONS, type EvidenceSweepOptions } from './evidence-sweep.options';
import { SweepOrphanEvidenceUseCase } from './use-cases/sweep-orphan-evidence.use-case';

/**
 * Runs the orphan sweep every `intervalMs` on every replica; no leader is needed because a
 * sweep deletes only unreferenced files and deletes are idempotent. Sweeps never overlap
 * within a replica; a failed one is logged and the next interval tries again.
 */
@Injectable()
export class EvidenceSweepScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private sweep: Promise<number> | undefined;

  constructor(
    private readonly sweepOrphans: SweepOrphanEvidenceUseCase,
    @Inject(EVIDENCE_SWEEP_OPTIONS) private readonly options: EvidenceSweepOptions,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.intervalMs === 0) return;
    this.timer = setInterval(() => {
      void this.sweepOnce().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'evidence orphan sweep failed; retrying next interval');
      });
    }, this.options.intervalMs);
  }

  /** One sweep now (or the one already running); resolves to the files it deleted. */
  sweepOnce(): Promise<number> {
    this.sweep ??= this.sweepOrphans.execute().finally(() => {
      this.sweep = undefined;
    });
    return this.sweep.then((deleted) => {
      if (deleted > 0) this.logger.info({ deleted }, 'orphaned evidence files deleted');
      return deleted;
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sweep?.catch(() => undefined);
  }
}
