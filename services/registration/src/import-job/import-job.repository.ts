import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { IMPORT_JOB_MODEL, type ImportJob } from './import-job.schema';

export type NewImportJob = Pick<
  ImportJob,
  '_id' | 'kind' | 'total' | 'createdBy' | 'startedAt' | 'heartbeatAt'
>;

export interface FinishedImport {
  processed: number;
  result: Record<string, unknown>;
  sealedResult: string | null;
  at: Date;
}

export interface ImportFailure {
  errorCode: string;
  report: Record<string, unknown> | null;
  at: Date;
}

/**
 * Every write here is outside the import's transaction, so progress is visible while the
 * rows themselves are not yet.
 */
@Injectable()
export class ImportJobRepository {
  constructor(@InjectModel(IMPORT_JOB_MODEL) private readonly model: Model<ImportJob>) {}

  async create(job: NewImportJob): Promise<void> {
    await this.model.create({ ...job, status: 'applying', processed: 0 });
  }

  async findById(importId: string): Promise<ImportJob | null> {
    return this.model.findById(importId).lean<ImportJob>().exec();
  }

  /** Progress renews the lease too. */
  async recordProgress(importId: string, processed: number, at: Date): Promise<void> {
    await this.model
      .updateOne({ _id: importId, status: 'applying' }, { $set: { processed, heartbeatAt: at } })
      .exec();
  }

  async heartbeat(importId: string, at: Date): Promise<void> {
    await this.model
      .updateOne({ _id: importId, status: 'applying' }, { $set: { heartbeatAt: at } })
      .exec();
  }

  /** Unconditional: the transaction committed, whatever a reader concluded meanwhile. */
  async finish(importId: string, done: FinishedImport): Promise<void> {
    await this.model
      .updateOne(
        { _id: importId },
        {
          $set: {
            status: 'done',
            processed: done.processed,
            result: done.result,
            sealedResult: done.sealedResult,
            finishedAt: done.at,
            heartbeatAt: done.at,
            errorCode: null,
          },
        },
      )
      .exec();
  }

  async fail(importId: string, failure: ImportFailure): Promise<void> {
    await this.model
      .updateOne(
        { _id: importId, status: 'applying' },
        {
          $set: {
            status: 'failed',
            errorCode: failure.errorCode,
            report: failure.report,
            finishedAt: failure.at,
          },
        },
      )
      .exec();
  }

  /**
   * Marks the job failed when it is still applying with a lease older than `staleBefore`;
   * the job as it is afterwards.
   */
  async failIfStale(importId: string, staleBefore: Date, failure: ImportFailure) {
    return this.model
      .findOneAndUpdate(
        { _id: importId, status: 'applying', heartbeatAt: { $lt: staleBefore } },
        {
          $set: {
            status: 'failed',
            errorCode: failure.errorCode,
            report: failure.report,
            finishedAt: failure.at,
          },
        },
        { returnDocument: 'after' },
      )
      .lean<ImportJob>()
      .exec();
  }

  /** Takes the sealed result away: of two readers at once, exactly one gets it. */
  async takeSealedResult(importId: string): Promise<string | null> {
    const before = await this.model
      .findOneAndUpdate(
        { _id: importId, sealedResult: { $ne: null } },
        { $set: { sealedResult: null } },
        { returnDocument: 'before', projection: { sealedResult: 1 } },
      )
      .lean<Pick<ImportJob, 'sealedResult'>>()
      .exec();
    return before?.sealedResult ?? null;
  }
}
