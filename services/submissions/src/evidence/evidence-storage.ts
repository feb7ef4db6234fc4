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
  /** Stores the whole file and resolves with its id only once every byte is written. */
  put(bytes: Buffer, metadata: StoredEvidenceMetadata): Promise<string>;
  /** Null when no such file exists. */
  get(fileId: string): Promise<StoredEvidenceFile | null>;
  /** Idempotent: deleting a file that is gone already succeeds. */
  delete(fileId: string): Promise<void>;
}

export const EVIDENCE_STORAGE = Symbol('EvidenceStorage');
