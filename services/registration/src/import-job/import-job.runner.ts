import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { InjectLogger, type Logger } from '@kipp/observability';
import { DomainError } from '@kipp/service-kit';
import { sealToString } from '@kipp/service-kit';
import { IMPORT_FAILED } from './import-job.errors';
import { ImportJobRepository } from './import-job.repository';
import type { ImportKind } from './import-job.schema';
import { IMPORT_JOB_SETTINGS, type ImportJobSettings } from './import-job.settings';

/** Tells the job how many rows are applied; writes it every `progressEvery` rows. */
export type ReportProgress = (processed: number) => Promise<void>;

export interface ImportOutcome {
  /** Kept on the job and shown on every read. */
  readonly result: Record<string, unknown>;
  /** The result with one-time secrets: sealed, shown on the first read only, then deleted. */
  readonly revealOnce?: Record<string, unknown>;
}

/** The rows' work: applies them all in one transaction, reporting progress as it goes. */
export type ImportWork = (progress: ReportProgress) => Promise<ImportOutcome>;

export interface StartedImport {
  importId: string;
  status: 'applying';
  total: number;
  processed: 0;
}

/**
 * Runs validated imports in the background of this process and keeps their job document
 * current: progress every `progressEvery` rows and a lease renewed every `heartbeatMs`, both
 * written outside the import's transaction. A failure is recorded with its code (a
 * DomainError's own, else IMPORT_FAILED and a log line), never thrown at anyone.
 */
@Injectable()
export class ImportJobRunner implements BeforeApplicationShutdown {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly jobs: ImportJobRepository,
    @Inject(IMPORT_JOB_SETTINGS) private readonly settings: ImportJobSettings,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async start(
    kind: ImportKind,
    total: number,
    actor: AuthenticatedUser,
    work: ImportWork,
  ): Promise<StartedImport> {
    const importId = `imp_${randomUUID()}`;
    const now = new Date();
    await this.jobs.create({
      _id: importId,
      kind,
      total,
      createdBy: actor.accountId,
      startedAt: now,
      heartbeatAt: now,
    });
    const run = this.run(importId, total, work).finally(() => this.running.delete(run));
    this.running.add(run);
    return { importId, status: 'applying', total, processed: 0 };
  }

  /** Resolves once every import started here has finished, failed or not. */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** A shutdown lets running imports finish rather than leave them to be reported interrupted. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.whenIdle();
  }

  private async run(importId: string, total: number, work: ImportWork): Promise<void> {
    const heartbeat = setInterval(() => {
      this.jobs.heartbeat(importId, new Date()).catch((error: unknown) => {
        this.logger.warn({ err: error, importId }, 'import heartbeat failed');
      });
    }, this.settings.heartbeatMs);
    heartbeat.unref();
    let written = 0;
    const progress: ReportProgress = async (processed) => {
      if (processed - written < this.settings.progressEvery && processed < total) return;
      written = processed;
      await this.jobs.recordProgress(importId, processed, new Date());
    };
    try {
      const outcome = await work(progress);
      await this.jobs.finish(importId, {
        processed: total,
        result: outcome.result,
        sealedResult: outcome.revealOnce
          ? sealToString(JSON.stringify(outcome.revealOnce), this.settings.sealingKey)
          : null,
        at: new Date(),
      });
    } catch (error) {
      await this.recordFailure(importId, error);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async recordFailure(importId: string, error: unknown): Promise<void> {
    const known = error instanceof DomainError;
    if (!known) this.logger.error({ err: error, importId }, 'import failed; nothing was written');
    try {
      await this.jobs.fail(importId, {
        errorCode: known ? error.code : IMPORT_FAILED,
        report: known && error.details ? { ...error.details } : null,
        at: new Date(),
      });
    } catch (failure) {
      // Readers will see the job interrupted once its lease runs out.
      this.logger.error({ err: failure, importId }, 'could not record the failed import');
    }
  }
}
