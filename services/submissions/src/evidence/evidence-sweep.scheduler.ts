import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { InjectLogger } from '@kipp/observability';
import { PeriodicJob } from '@kipp/service-kit';
import { EVIDENCE_SWEEP_OPTIONS, type EvidenceSweepOptions } from './evidence-sweep.options';
import { SweepOrphanEvidenceUseCase } from './use-cases/sweep-orphan-evidence.use-case';

/**
 * Runs the orphan sweep every `intervalMs` (0 = off) on every replica; no leader is needed
 * because a sweep deletes only unreferenced files and deletes are idempotent.
 */
@Injectable()
export class EvidenceSweepScheduler extends PeriodicJob<number> {
  constructor(
    sweepOrphans: SweepOrphanEvidenceUseCase,
    @Inject(EVIDENCE_SWEEP_OPTIONS) options: EvidenceSweepOptions,
    @InjectLogger() logger: Logger,
  ) {
    super({
      name: 'evidence orphan sweep',
      intervalMs: options.intervalMs,
      logger,
      run: async () => {
        const deleted = await sweepOrphans.execute();
        if (deleted > 0) logger.info({ deleted }, 'orphaned evidence files deleted');
        return deleted;
      },
    });
  }
}
