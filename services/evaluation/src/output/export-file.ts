/** A rendered export, ready to send. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const PDF_CONTENT_TYPE = 'application/pdf';
