import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { InjectLogger } from '@kipp/observability';
import { STALLED_OPTIONS, type StalledOptions } from './stalled.options';
import { DetectStalledProposalsUseCase } from './use-cases/detect-stalled-proposals.use-case';

/**
 * Runs the stuck-draft detector on every replica, every `scanIntervalMs`. No leader is
 * needed: each nudge is one conditional write, so exactly one replica makes it. Scans never
 * overlap within a replica; a failed scan is logged and the next one tries again.
 */
@Injectable()
export class StalledScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private scan: Promise<number> | undefined;

  constructor(
    private readonly detect: DetectStalledProposalsUseCase,
    @Inject(STALLED_OPTIONS) private readonly options: StalledOptions,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.scanEnabled) return;
    this.timer = setInterval(() => {
      void this.scanOnce().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'stalled-proposal scan failed; retrying next interval');
      });
    }, this.options.scanIntervalMs);
  }

  /** One scan now (or the one already running); resolves to the nudges it queued. */
  scanOnce(): Promise<number> {
    this.scan ??= this.detect.execute().finally(() => {
      this.scan = undefined;
    });
    return this.scan.then((queued) => {
      if (queued > 0) this.logger.info({ queued }, 'stalled proposals nudged');
      return queued;
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.scan?.catch(() => undefined);
  }
}
