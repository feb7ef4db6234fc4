import { createHash } from 'node:crypto';
import type { GridFsFileStore } from '@kipp/mongo';
import { detectFileType, type DetectableFileType } from './detect-file-type';

/** An uploaded file held in memory (multer's memory storage), checked before it is kept. */
export interface UploadedBuffer {
  readonly originalname: string;
  readonly buffer: Buffer;
  readonly size: number;
}

/** What was stored of one upload. */
export interface StoredUpload<F extends UploadedBuffer> {
  readonly file: F;
  readonly fileId: string;
  readonly filename: string;
  readonly contentType: DetectableFileType;
  readonly sizeBytes: number;
  /** SHA-256 of the bytes (hex). */
  readonly sha256: string;
}

/**
 * A file name fit to keep and show: the last path segment, control characters removed, at
 * most 200 characters. Download headers encode whatever is left (see `attachmentDisposition`).
 */
export function uploadFilename(name: string, fallback = 'evidence'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned.length > 0 ? cleaned : fallback;
}

/**
 * Stores uploads and records them, all or nothing: every file's type is checked by its
 * content before anything is stored (`unsupported` names the error for a file that is none of
 * the accepted types), then the files are stored with the metadata `metadataOf` gives, then
 * `record` runs with what was stored. If storing or recording fails, the files stored so far
 * are removed again and the error is rethrown.
 */
export async function storeUploads<F extends UploadedBuffer, M extends object, T>(
  store: GridFsFileStore<M>,
  files: readonly F[],
  options: {
    readonly unsupported: (file: F) => Error;
    readonly metadataOf: (upload: Omit<StoredUpload<F>, 'fileId'>) => M;
  },
  record: (stored: readonly StoredUpload<F>[]) => Promise<T>,
): Promise<T> {
  const typed = files.map((file) => {
    const contentType = detectFileType(file.buffer);
    if (!contentType) throw options.unsupported(file);
    return { file, contentType };
  });
  const stored: StoredUpload<F>[] = [];
  try {
    for (const { file, contentType } of typed) {
      const upload = {
        file,
        filename: uploadFilename(file.originalname),
        contentType,
        sizeBytes: file.size,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
      };
      const { id } = await store.put(file.buffer, upload.filename, options.metadataOf(upload));
      stored.push({ ...upload, fileId: id });
    }
    return await record(stored);
  } catch (error) {
    await Promise.all(stored.map((upload) => store.delete(upload.fileId)));
    throw error;
  }
}
