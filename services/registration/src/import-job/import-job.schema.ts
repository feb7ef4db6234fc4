import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';

export const IMPORT_KINDS = ['institutions', 'evaluators'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = ['applying', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A CSV import applied in the background, all or nothing, with its progress. */
export interface ImportJob {
  _id: string;
  kind: ImportKind;
  status: ImportStatus;
  /** Rows in the file. */
  total: number;
  /** Rows applied so far inside the (not yet committed) transaction. */
  processed: number;
  createdBy: string;
  /** What the import gives back once done (never a secret). */
  result: Record<string, unknown> | null;
  /**
   * The result with its one-time secrets (e.g. first passwords), sealed with AES-256-GCM;
   * shown on the first read after `done`, then set to null.
   */
  sealedResult: string | null;
  /** Why it failed: a stable error code (`IMPORT_INTERRUPTED`, `INSTITUTION_IMPORT_INVALID`, …). */
  errorCode: string | null;
  /** The row-level report of a failure found while applying (e.g. a code taken meanwhile). */
  report: Record<string, unknown> | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** The lease of the applying process: refreshed while it runs, stale when it died. */
  heartbeatAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const IMPORT_JOB_MODEL = 'ImportJob';

/** Finished or not, a job is forgotten a week after it started. */
export const IMPORT_JOB_RETENTION_SECONDS = 7 * 24 * 3600;

export const importJobSchema = new Schema<ImportJob>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: IMPORT_KINDS, required: true },
    status: { type: String, enum: IMPORT_STATUSES, required: true },
    total: { type: Number, required: true },
    processed: { type: Number, required: true },
    createdBy: { type: String, required: true },
    result: { type: Schema.Types.Mixed, default: null },
    sealedResult: { type: String, default: null },
    errorCode: { type: String, default: null },
    report: { type: Schema.Types.Mixed, default: null },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    heartbeatAt: { type: Date, required: true },
  },
  { ...schemaOptions('import_jobs'), minimize: false },
);
// Housekeeping only: jobs are read by id, never listed.
importJobSchema.index({ startedAt: 1 }, { expireAfterSeconds: IMPORT_JOB_RETENTION_SECONDS });
