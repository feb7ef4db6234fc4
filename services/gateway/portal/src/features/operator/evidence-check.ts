/** Why a file cannot be sent for an evidence requirement, decided before any byte leaves. */
export type FileProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-large'; readonly maxSizeBytes: number }
  | { readonly kind: 'type'; readonly allowedTypes: readonly string[] };

const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The type a file most likely has: the browser's, else its extension's. */
export function likelyType(file: { readonly name: string; readonly type: string }): string | null {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return EXTENSION_TYPES[extension] ?? null;
}

/**
 * A first check in the browser, so an obviously wrong file is not uploaded at all. The
 * server decides by the file's bytes; this only spares the person a long useless upload.
 */
export function checkFile(
  file: { readonly name: string; readonly type: string; readonly size: number },
  requirement: { readonly allowedTypes: readonly string[]; readonly maxSizeBytes: number },
): FileProblem | null {
  if (file.size === 0) return { kind: 'empty' };
  if (file.size > requirement.maxSizeBytes) {
    return { kind: 'too-large', maxSizeBytes: requirement.maxSizeBytes };
  }
  const type = likelyType(file);
  if (type !== null && !requirement.allowedTypes.includes(type)) {
    return { kind: 'type', allowedTypes: requirement.allowedTypes };
  }
  return null;
}

/** A size for people: "1,5 MB", "820 KB". */
export function formatBytes(bytes: number, locale: string): string {
  const format = (value: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes)} B`;
}

/** Short names of MIME types for people ("PDF", "JPEG", "PNG"). */
export function typeNames(types: readonly string[]): string {
  return types.map((type) => type.split('/').pop()?.toUpperCase() ?? type).join(', ');
}
