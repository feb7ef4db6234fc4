import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mongo, type Connection } from 'mongoose';

/** What `put` wrote: the new file's id, its size and the SHA-256 of its bytes (hex). */
export interface StoredFileRef {
  id: string;
  sizeBytes: number;
  sha256: string;
}

/** A stored file: its bytes as a stream, with what was recorded about it. */
export interface StoredFile<M> {
  stream: Readable;
  filename: string;
  metadata: M;
  sizeBytes: number;
  uploadDate: Date;
}

/**
 * Files in one GridFS bucket of a service's own database. Ids are the hex strings of
 * ObjectIds; an id that is not one reads as a missing file. `delete` is idempotent.
 */
export class GridFsFileStore<M extends object = Record<string, unknown>> {
  constructor(
    private readonly connection: Connection,
    readonly bucketName: string,
  ) {}

  /**
   * Writes `content` (a stream is written as it arrives, never held in memory), hashing it
   * on the way. If the stream fails, the chunks written so far are removed and the promise
   * rejects with the stream's error.
   */
  async put(content: Buffer | Readable, filename: string, metadata?: M): Promise<StoredFileRef> {
    const upload = this.bucket().openUploadStream(filename, metadata ? { metadata } : {});
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const hasher = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        callback(null, chunk);
      },
    });
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    try {
      await pipeline(source, hasher, upload);
    } catch (error) {
      // The files document is only written at the end; this removes the chunks.
      await upload.abort().catch(() => undefined);
      throw error;
    }
    return { id: upload.id.toString(), sizeBytes, sha256: hash.digest('hex') };
  }

  /** Replaces the filename and metadata of a stored file; nothing happens if it is gone. */
  async describe(fileId: string, filename: string, metadata: M): Promise<void> {
    const id = toObjectId(fileId);
    if (!id) return;
    await this.files().updateOne({ _id: id }, { $set: { filename, metadata } });
  }

  /** The file with its metadata, or null when no such file exists. */
  async get(fileId: string): Promise<StoredFile<M> | null> {
    const id = toObjectId(fileId);
    if (!id) return null;
    const bucket = this.bucket();
    const [file] = await bucket.find({ _id: id }).limit(1).toArray();
    if (!file) return null;
    return {
      stream: bucket.openDownloadStream(id),
      filename: file.filename,
      metadata: (file.metadata ?? {}) as M,
      sizeBytes: file.length,
      uploadDate: file.uploadDate,
    };
  }

  /**
   * The file's bytes as a stream without looking the file up first (one round trip less);
   * null for an id that cannot exist. A missing file makes the stream fail when read.
   */
  open(fileId: string): Readable | null {
    const id = toObjectId(fileId);
    return id ? this.bucket().openDownloadStream(id) : null;
  }

  /** The whole file in memory, or null when no such file exists; for small files only. */
  async read(fileId: string): Promise<Buffer | null> {
    const file = await this.get(fileId);
    if (!file) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Idempotent: deleting a file that is gone already (or never was) succeeds. */
  async delete(fileId: string): Promise<void> {
    const id = toObjectId(fileId);
    if (!id) return;
    try {
      await this.bucket().delete(id);
    } catch (error) {
      // The driver reports a file that is gone already this way.
      if (error instanceof mongo.MongoRuntimeError && /File not found/i.test(error.message)) return;
      throw error;
    }
  }

  /** Ids of the files uploaded before `before`, in pages of `pageSize`, for sweeps. */
  async *listOlderThan(before: Date, pageSize: number): AsyncIterable<string[]> {
    // GridFS indexes `filename, uploadDate` only; sweeps are rare and read ids alone.
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

  private db(): mongo.Db {
    // Resolved per call: the handle exists only once the connection has opened.
    const db = this.connection.db;
    if (!db) throw new Error('the database connection is not open');
    return db;
  }

  private bucket(): mongo.GridFSBucket {
    return new mongo.GridFSBucket(this.db(), { bucketName: this.bucketName });
  }

  private files(): mongo.Collection<mongo.GridFSFile> {
    return this.db().collection<mongo.GridFSFile>(`${this.bucketName}.files`);
  }
}

function toObjectId(fileId: string): mongo.ObjectId | null {
  return mongo.ObjectId.isValid(fileId) && fileId.length === 24 ? new mongo.ObjectId(fileId) : null;
}
