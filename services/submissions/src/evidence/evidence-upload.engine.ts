import { createHash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { EvidenceStorage } from './evidence-storage';
import { preparedUploadOf } from './evidence-upload.guard';
import {
  acceptedEvidenceType,
  assertEvidenceSize,
  type PreparedEvidenceUpload,
} from './use-cases/upload-evidence.use-case';

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

/**
 * Passes bytes through unchanged while hashing, counting and keeping the first few, and
 * fails as soon as the requirement refuses the file: past its size limit, or once the first
 * bytes show a type it does not accept. Failing stops the write and removes the partial file
 * (`EvidenceStorage.putStream`).
 */
class EvidenceInspector extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;
  head: Buffer = Buffer.alloc(0);
  private typeChecked = false;

  constructor(private readonly upload: PreparedEvidenceUpload) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.size += chunk.length;
      assertEvidenceSize(this.upload, this.size, false);
      if (this.head.length < HEAD_BYTES) {
        this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
        if (this.head.length === HEAD_BYTES) this.checkType();
      }
    } catch (error) {
      done(error as Error);
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    // A file shorter than HEAD_BYTES; an empty one is refused as missing when recorded.
    try {
      if (this.size > 0) this.checkType();
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  }

  digest(): string {
    return this.hash.digest('hex');
  }

  private checkType(): void {
    if (this.typeChecked) return;
    this.typeChecked = true;
    acceptedEvidenceType(this.upload, this.head);
  }
}

/** The part of multer's file object an engine receives that is read here. */
interface IncomingFile {
  originalname: string;
  stream: Readable;
}

/**
 * A multer storage engine that streams the upload straight into `EvidenceStorage`, hashing
 * it and keeping its first bytes on the way, so no file is ever held in memory. It needs the
 * upload prepared by `EvidenceUploadGuard` (the proposal may take the file; the requirement's
 * limit and types), and cuts the stream as soon as the requirement refuses it. Multer's
 * `fileSize` limit is the global cap; when it cuts the stream multer calls `_removeFile`,
 * which deletes the file, and answers 413.
 */
export class StreamingEvidenceEngine {
  constructor(private readonly storage: EvidenceStorage) {}

  _handleFile(
    request: object,
    file: IncomingFile,
    done: (error: Error | null, info?: Omit<StagedEvidence, 'originalname'>) => void,
  ): void {
    const upload = preparedUploadOf(request);
    if (!upload) {
      file.stream.resume();
      done(new Error('evidence upload not prepared: EvidenceUploadGuard must run first'));
      return;
    }
    const inspector = new EvidenceInspector(upload);
    file.stream.once('error', (error: Error) => inspector.destroy(error));
    // A refused file: stop reading it (multer drains and discards the rest of the request).
    inspector.once('error', () => file.stream.unpipe(inspector).resume());
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
    _request: object,
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
