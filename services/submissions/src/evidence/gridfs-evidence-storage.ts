import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

  private files(): mongo.Collection<mongo.GridFSFile> {
    const db = this.connection.db;
    if (!db) throw new Error('the database connection is not open');
    return db.collection<mongo.GridFSFile>(`${EVIDENCE_BUCKET}.files`);
  }

  async putStream(source: Readable, filename: string): Promise<string> {
    const upload = this.bucket().openUploadStream(filename);
    try {
      await pipeline(source, upload);
    } catch (error) {
      // Chunks written so far are removed; the files document is only written at the end.
      await upload.abort().catch(() => undefined);
      throw error;
    }
    return upload.id.toString();
  }

  async describe(fileId: string, metadata: StoredEvidenceMetadata): Promise<void> {
    const id = toObjectId(fileId);
    if (!id) return;
    await this.files().updateOne({ _id: id }, { $set: { filename: metadata.filename, metadata } });
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

  async *listStoredBefore(before: Date, pageSize: number): AsyncIterable<string[]> {
    // GridFS indexes `filename, uploadDate` only; the sweep is rare and reads ids alone.
    const cursor = this.bucket()
      .find({ uploadDate: { $lt: before } }, { projection: { _id: 1 }, sort: { _id: 1 } })
      .batchSize(pageSize);
    let page: string[] = [];
    try {
      for await (const file of cursor) {
        page.push(file._id.toString());
        if (page.length >= pageSize) {
          yield page;
          page = [];
        }
      }
      if (page.length > 0) yield page;
    } finally {
      await cursor.close();
    }
  }
}

function toObjectId(fileId: string): mongo.ObjectId | null {
  return mongo.ObjectId.isValid(fileId) && fileId.length === 24 ? new mongo.ObjectId(fileId) : null;
}
