import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { mongo, type Connection } from 'mongoose';
import { InjectConnection } from '@kipp/mongo';

export const FIELD_PHOTO_BUCKET = 'field_photos';

/** Field-verification photos in GridFS (bucket `field_photos`) of the service's database. */
@Injectable()
export class FieldPhotoStorage {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private bucket(): mongo.GridFSBucket {
    // Resolved per call: the handle exists only once the connection has opened.
    const db = this.connection.db;
    if (!db) throw new Error('the database connection is not open');
    return new mongo.GridFSBucket(db, { bucketName: FIELD_PHOTO_BUCKET });
  }

  async put(bytes: Buffer, filename: string, metadata: Record<string, string>): Promise<string> {
    const upload = this.bucket().openUploadStream(filename, { metadata });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(bytes);
    });
    return upload.id.toString();
  }

  open(fileId: string): Readable | null {
    if (!mongo.ObjectId.isValid(fileId) || fileId.length !== 24) return null;
    return this.bucket().openDownloadStream(new mongo.ObjectId(fileId));
  }

  async delete(fileId: string): Promise<void> {
    await this.bucket().delete(new mongo.ObjectId(fileId));
  }
}
