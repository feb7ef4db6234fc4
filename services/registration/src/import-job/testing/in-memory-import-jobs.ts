import { pino } from 'pino';
import { sealingKeyFromBase64 } from '@kipp/service-kit';
import type {
  FinishedImport,
  ImportFailure,
  ImportJobRepository,
  NewImportJob,
} from '../import-job.repository';
import { ImportJobRunner } from '../import-job.runner';
import type { ImportJob } from '../import-job.schema';
import type { ImportJobSettings } from '../import-job.settings';

export const testImportJobSettings: ImportJobSettings = {
  progressEvery: 100,
  heartbeatMs: 10_000,
  staleAfterMs: 60_000,
  sealingKey: sealingKeyFromBase64('test-1', Buffer.alloc(32, 7).toString('base64')),
};

/** The job collection in memory, recording every status and progress a reader could see. */
export class InMemoryImportJobs implements Omit<ImportJobRepository, 'model'> {
  readonly jobs = new Map<string, ImportJob>();
  /** Each write's status and processed count, in order, per job. */
  readonly seen: { importId: string; status: string; processed: number }[] = [];

  create(job: NewImportJob): Promise<void> {
    this.put({
      ...job,
      status: 'applying',
      processed: 0,
      result: null,
      sealedResult: null,
      errorCode: null,
      report: null,
      finishedAt: null,
      createdAt: job.startedAt,
      updatedAt: job.startedAt,
    });
    return Promise.resolve();
  }

  findById(importId: string): Promise<ImportJob | null> {
    const job = this.jobs.get(importId);
    return Promise.resolve(job ? { ...job } : null);
  }

  recordProgress(importId: string, processed: number, at: Date): Promise<void> {
    this.change(importId, (job) => job.status === 'applying', { processed, heartbeatAt: at });
    return Promise.resolve();
  }

  heartbeat(importId: string, at: Date): Promise<void> {
    this.change(importId, (job) => job.status === 'applying', { heartbeatAt: at });
    return Promise.resolve();
  }

  finish(importId: string, done: FinishedImport): Promise<void> {
    this.change(importId, () => true, {
      status: 'done',
      processed: done.processed,
      result: done.result,
      sealedResult: done.sealedResult,
      finishedAt: done.at,
    });
    return Promise.resolve();
  }

  fail(importId: string, failure: ImportFailure): Promise<void> {
    this.change(importId, (job) => job.status === 'applying', this.failed(failure));
    return Promise.resolve();
  }

  failIfStale(importId: string, staleBefore: Date, failure: ImportFailure) {
    const changed = this.change(
      importId,
      (job) => job.status === 'applying' && job.heartbeatAt < staleBefore,
      this.failed(failure),
    );
    return Promise.resolve(changed ? { ...changed } : null);
  }

  takeSealedResult(importId: string): Promise<string | null> {
    const sealed = this.jobs.get(importId)?.sealedResult ?? null;
    if (sealed !== null) this.change(importId, () => true, { sealedResult: null });
    return Promise.resolve(sealed);
  }

  private failed(failure: ImportFailure): Partial<ImportJob> {
    return {
      status: 'failed',
      errorCode: failure.errorCode,
      report: failure.report,
      finishedAt: failure.at,
    };
  }

  private change(
    importId: string,
    when: (job: ImportJob) => boolean,
    set: Partial<ImportJob>,
  ): ImportJob | null {
    const job = this.jobs.get(importId);
    if (!job || !when(job)) return null;
    const changed = { ...job, ...set };
    this.put(changed);
    return changed;
  }

  private put(job: ImportJob): void {
    this.jobs.set(job._id, job);
    this.seen.push({ importId: job._id, status: job.status, processed: job.processed });
  }
}

/** A runner on in-memory jobs, for use-case specs: `await runner.whenIdle()` to let it finish. */
export function inMemoryImportJobRunner() {
  const jobs = new InMemoryImportJobs();
  const runner = new ImportJobRunner(
    jobs as unknown as ImportJobRepository,
    testImportJobSettings,
    pino({ enabled: false }),
  );
  return { jobs, runner };
}
