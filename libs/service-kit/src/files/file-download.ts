import type { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/** A stored file as a service hands it out. */
export interface DownloadableFile {
  readonly stream: Readable;
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** SHA-256 of the bytes (hex), recorded when the file was stored. */
  readonly sha256: string;
}

/** RFC 5987 percent-encoding: `encodeURIComponent` leaves `'()*` as they are. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment` with the file's name: a plain-ASCII `filename` for old clients (quotes,
 * backslashes, control and non-ASCII characters replaced) and the exact name in UTF-8 as
 * `filename*`, so a name like `Laporan "final" – Dinas Kesehatan.pdf` can never break the
 * header.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}

/** Streams a stored file as a download with its type, length and checksum. */
export function fileDownload(response: Response, file: DownloadableFile): StreamableFile {
  response.setHeader('X-Checksum-SHA256', file.sha256);
  return new StreamableFile(file.stream, {
    type: file.contentType,
    disposition: attachmentDisposition(file.filename),
    length: file.sizeBytes,
  });
}
