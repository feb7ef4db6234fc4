import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { unsealFromString } from '@kipp/service-kit';
import { IMPORT_INTERRUPTED, ImportNotFoundError } from '../import-job.errors';
import { ImportJobRepository } from '../import-job.repository';
import type { ImportJob, ImportKind, ImportStatus } from '../import-job.schema';
import { IMPORT_JOB_SETTINGS, type ImportJobSettings } from '../import-job.settings';

export interface ImportJobView {
  importId: string;
  kind: ImportKind;
  status: ImportStatus;
  total: number;
  processed: number;
  /** Why it failed, as a stable code. */
  errorCode?: string;
  /** The row-level report of a failure found while applying (e.g. a code registered meanwhile). */
  report?: Record<string, unknown>;
  result?: Record<string, unknown>;
}

/**
 * One import's progress. A job still applying whose lease ran out is reported (and recorded)
 * failed with IMPORT_INTERRUPTED: its process died before the transaction committed, so
 * nothing was written. A one-time result (first passwords) goes to its creator's first
 * read after `done`, and is deleted from the job in the same step.
 */
@Injectable()
export class GetImportJobUseCase {
  constructor(
    private readonly jobs: ImportJobRepository,
    @Inject(IMPORT_JOB_SETTINGS) private readonly settings: ImportJobSettings,
  ) {}

  async execute(
    importId: string,
    actor: AuthenticatedUser,
    now = new Date(),
  ): Promise<ImportJobView> {
    let job = await this.jobs.findById(importId);
    if (!job) throw new ImportNotFoundError(importId);
    if (job.status === 'applying' && this.isStale(job, now)) {
      job =
        (await this.jobs.failIfStale(
          importId,
          new Date(now.getTime() - this.settings.staleAfterMs),
          {
            errorCode: IMPORT_INTERRUPTED,
            report: null,
            at: now,
          },
        )) ?? // renewed or finished meanwhile
        (await this.jobs.findById(importId)) ??
        job;
    }
    const view: ImportJobView = {
      importId: job._id,
      kind: job.kind,
      status: job.status,
      total: job.total,
      processed: job.processed,
    };
    if (job.status === 'failed') {
      if (job.errorCode) view.errorCode = job.errorCode;
      if (job.report) view.report = job.report;
    }
    if (job.status === 'done') {
      const revealed =
        job.sealedResult !== null && job.createdBy === actor.accountId
          ? await this.jobs.takeSealedResult(importId)
          : null;
      const result = revealed
        ? (JSON.parse(unsealFromString(revealed, this.settings.sealingKey)) as Record<
            string,
            unknown
          >)
        : job.result;
      if (result) view.result = result;
    }
    return view;
  }

  private isStale(job: ImportJob, now: Date): boolean {
    return now.getTime() - job.heartbeatAt.getTime() > this.settings.staleAfterMs;
  }
}
