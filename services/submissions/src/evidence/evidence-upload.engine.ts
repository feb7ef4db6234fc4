import { createHash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { EvidenceStorage } from './evidence-storage';

/** Enough of the file's start for every signature `detectFileType` knows. */
const HEAD_BYTES = 16;

/** What the upload engine hands the controller for the multipart field `file`. */
export interface StagedEvidence {
  originalname: string;
  /** The stored, not yet accepted file: the use case describes it or deletes it. */
  fileId: string;
  size: number;
  sha256: string;
  /** The first bytes, from which the type is decided. */
  head: Buffer;
}

/** Passes bytes through unchanged while hashing, counting and keeping the first few. */
class EvidenceInspector extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;
  head: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.head.length < HEAD_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    }
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** The part of multer's file object an engine receives that is read here. */
interface IncomingFile {
  originalname: string;
  stream: Readable;
}

/**
 * A multer storage engine that streams the upload straight into `EvidenceStorage`, hashing
 * it and keeping its first bytes on the way, so no file is ever held in memory. Multer's
 * `fileSize` limit cuts the stream when crossed; multer then calls `_removeFile`, which
 * deletes the partial file, and answers 413.
 */
export class StreamingEvidenceEngine {
  constructor(private readonly storage: EvidenceStorage) {}

  _handleFile(
    _request: unknown,
    file: IncomingFile,
    done: (error: Error | null, info?: Omit<StagedEvidence, 'originalname'>) => void,
  ): void {
    const inspector = new EvidenceInspector();
    file.stream.once('error', (error: Error) => inspector.destroy(error));
    file.stream.pipe(inspector);
    this.storage.putStream(inspector, file.originalname).then(
      (fileId) => {
        done(null, {
          fileId,
          size: inspector.size,
          sha256: inspector.digest(),
          head: inspector.head,
        });
      },
      (error: unknown) => {
        done(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  _removeFile(
    _request: unknown,
    file: Partial<Pick<StagedEvidence, 'fileId'>>,
    done: (error: Error | null) => void,
  ): void {
    if (!file.fileId) {
      done(null);
      return;
    }
    this.storage.delete(file.fileId).then(
      () => {
        done(null);
      },
      (error: unknown) => {
        done(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }
}
