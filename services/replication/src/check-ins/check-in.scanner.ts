import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { InjectLogger } from '@kipp/observability';
import { PeriodicJob } from '@kipp/service-kit';
import { CHECK_INS_OPTIONS, type CheckInsOptions } from './check-ins.options';
import { ScanCheckInsUseCase, type CheckInScan } from './use-cases/scan-check-ins.use-case';

/**
 * Opens due check-ins and marks unanswered ones overdue on every replica with
 * `CHECK_IN_ENABLED`, every `CHECK_IN_SCAN_INTERVAL_MS`. No leader is needed (see the use case).
 */
@Injectable()
export class CheckInScanner extends PeriodicJob<CheckInScan> {
  constructor(
    scan: ScanCheckInsUseCase,
    @Inject(CHECK_INS_OPTIONS) options: CheckInsOptions,
    @InjectLogger() logger: Logger,
  ) {
    super({
      name: 'check-in scan',
      intervalMs: options.scanEnabled ? options.scanIntervalMs : 0,
      logger,
      run: async () => {
        const outcome = await scan.execute();
        if (outcome.opened + outcome.overdue > 0) logger.info(outcome, 'check-ins scanned');
        return outcome;
      },
    });
  }
}
