import { Injectable } from '@nestjs/common';
import { mongo, type Connection } from 'mongoose';
import { InjectConnection } from '@kipp/mongo';
import type {
  EvidenceStorage,
  StoredEvidenceFile,
  StoredEvidenceMetadata,
} from './evidence-storage';

export const EVIDENCE_BUCKET = 'evidence_files';

/** Evidence files in GridFS (bucket `evidence_files`) of the service's own database. */
@Injectable()
export class GridFsEvidenceStorage implements EvidenceStorage {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private bucket(): mongo.GridFSBucket {
    // Resolved per call: the handle exists only once the connection has opened.
    const db = this.connection.db;
    if (!db) throw new Error('the database connection is not open');
    return new mongo.GridFSBucket(db, { bucketName: EVIDENCE_BUCKET });
  }

  async put(bytes: Buffer, metadata: StoredEvidenceMetadata): Promise<string> {
    const upload = this.bucket().openUploadStream(metadata.filename, { metadata });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(bytes);
    });
    return upload.id.toString();
  }

  async get(fileId: string): Promise<StoredEvidenceFile | null> {
    const id = toObjectId(fileId);
    if (!id) return null;
    const bucket = this.bucket();
    const [file] = await bucket.find({ _id: id }).limit(1).toArray();
    if (!file) return null;
    return {
      stream: bucket.openDownloadStream(id),
      metadata: file.metadata as StoredEvidenceMetadata,
      sizeBytes: file.length,
    };
  }

  async delete(fileId: string): Promise<void> {
    const id = toObjectId(fileId);
    if (!id) return;
    try {
      await this.bucket().delete(id);
    } catch (error) {
      // The driver reports a file that is gone already this way; deleting stays idempotent.
      if (error instanceof mongo.MongoRuntimeError && /File not found/i.test(error.message)) return;
      throw error;
    }
  }
}

function toObjectId(fileId: string): mongo.ObjectId | null {
  return mongo.ObjectId.isValid(fileId) && fileId.length === 24 ? new mongo.ObjectId(fileId) : null;
}
