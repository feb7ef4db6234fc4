import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { mongo, type Connection } from 'mongoose';
import { InjectConnection } from '@kipp/mongo';
import type { ObjectionEvidenceType } from './objection.schema';

export const OBJECTION_EVIDENCE_BUCKET = 'objection_evidence';

export interface ObjectionEvidenceMetadata {
  editionId: string;
  proposalId: string;
  filename: string;
  contentType: ObjectionEvidenceType;
  sha256: string;
}

/** Objection evidence in GridFS (bucket `objection_evidence`) of the service's own database. */
@Injectable()
export class ObjectionEvidenceStorage {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private bucket(): mongo.GridFSBucket {
    // Resolved per call: the handle exists only once the connection has opened.
    const db = this.connection.db;
    if (!db) throw new Error('the database connection is not open');
    return new mongo.GridFSBucket(db, { bucketName: OBJECTION_EVIDENCE_BUCKET });
  }

  /** Resolves with the file id once every byte is written. */
  async put(bytes: Buffer, metadata: ObjectionEvidenceMetadata): Promise<string> {
    const upload = this.bucket().openUploadStream(metadata.filename, { metadata });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(bytes);
    });
    return upload.id.toString();
  }

  open(fileId: string): Readable | null {
    const id = toObjectId(fileId);
    return id ? this.bucket().openDownloadStream(id) : null;
  }

  /** Idempotent: used to clean up after a filing that did not complete. */
  async delete(fileId: string): Promise<void> {
    const id = toObjectId(fileId);
    if (!id) return;
    try {
      await this.bucket().delete(id);
    } catch (error) {
      if (error instanceof mongo.MongoRuntimeError && /File not found/i.test(error.message)) return;
      throw error;
    }
  }
}

function toObjectId(fileId: string): mongo.ObjectId | null {
  return mongo.ObjectId.isValid(fileId) && fileId.length === 24 ? new mongo.ObjectId(fileId) : null;
}
