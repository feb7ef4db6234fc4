import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { GridFsFileStore, InjectConnection } from '@kipp/mongo';
import type {
  EvidenceStorage,
  StoredEvidenceFile,
  StoredEvidenceMetadata,
} from './evidence-storage';

export const EVIDENCE_BUCKET = 'evidence_files';

/** Evidence files in GridFS (bucket `evidence_files`) of the service's own database. */
@Injectable()
export class GridFsEvidenceStorage implements EvidenceStorage {
  private readonly files: GridFsFileStore<StoredEvidenceMetadata>;

  constructor(@InjectConnection() connection: Connection) {
    this.files = new GridFsFileStore(connection, EVIDENCE_BUCKET);
  }

  async putStream(source: Readable, filename: string): Promise<string> {
    return (await this.files.put(source, filename)).id;
  }

  describe(fileId: string, metadata: StoredEvidenceMetadata): Promise<void> {
    return this.files.describe(fileId, metadata.filename, metadata);
  }

  async get(fileId: string): Promise<StoredEvidenceFile | null> {
    const file = await this.files.get(fileId);
    return file && { stream: file.stream, metadata: file.metadata, sizeBytes: file.sizeBytes };
  }

  delete(fileId: string): Promise<void> {
    return this.files.delete(fileId);
  }

  listStoredBefore(before: Date, pageSize: number): AsyncIterable<string[]> {
    return this.files.listOlderThan(before, pageSize);
  }
}
