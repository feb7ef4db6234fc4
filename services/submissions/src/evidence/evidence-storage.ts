import type { Readable } from 'node:stream';
import type { EVIDENCE_TYPES } from '@kipp/contracts';

export type EvidenceContentType = (typeof EVIDENCE_TYPES)[number];

export interface StoredEvidenceMetadata {
  proposalId: string;
  evidenceId: string;
  filename: string;
  contentType: EvidenceContentType;
  sha256: string;
}

export interface StoredEvidenceFile {
  stream: Readable;
  metadata: StoredEvidenceMetadata;
  sizeBytes: number;
}

/**
 * Where evidence bytes live. GridFS of the service's own database today; an S3-compatible
 * implementation can replace it in production without touching the use cases.
 */
export interface EvidenceStorage {
  /**
   * Writes `source` as it arrives (nothing is held in memory) and resolves with the new
   * file's id once every byte is stored. If `source` fails, the partial file is removed and
   * the promise rejects with the source's error.
   */
  putStream(source: Readable, filename: string): Promise<string>;
  /** Records what a stored file is, once it has been checked and accepted. */
  describe(fileId: string, metadata: StoredEvidenceMetadata): Promise<void>;
  /** Null when no such file exists. */
  get(fileId: string): Promise<StoredEvidenceFile | null>;
  /** Idempotent: deleting a file that is gone already succeeds. */
  delete(fileId: string): Promise<void>;
  /**
   * Ids of the files stored before `before`, oldest first, in pages of `pageSize`: what the
   * orphan sweep checks against the proposals.
   */
  listStoredBefore(before: Date, pageSize: number): AsyncIterable<string[]>;
}

export const EVIDENCE_STORAGE = Symbol('EvidenceStorage');
