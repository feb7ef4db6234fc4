import { Injectable } from '@nestjs/common';
import { mongo, type Connection } from 'mongoose';
import { InjectConnection } from '@kipp/mongo';

export const LETTER_BUCKET = 'appointment_letters';

/** Appointment letters in GridFS of the service's own database. */
@Injectable()
export class AppointmentLetterStore {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private bucket(): mongo.GridFSBucket {
    // Resolved per call: the handle exists only once the connection has opened.
    const db = this.connection.db;
    if (!db) throw new Error('the database connection is not open');
    return new mongo.GridFSBucket(db, { bucketName: LETTER_BUCKET });
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

  async read(fileId: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.bucket().openDownloadStream(new mongo.ObjectId(fileId))) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  async remove(fileId: string): Promise<void> {
    await this.bucket().delete(new mongo.ObjectId(fileId));
  }
}
