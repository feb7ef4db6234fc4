/** The file types `detectFileType` recognises by their first bytes. */
export const DETECTABLE_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DetectableFileType = (typeof DETECTABLE_FILE_TYPES)[number];

const SIGNATURES: readonly { type: DetectableFileType; magic: Buffer }[] = [
  { type: 'application/pdf', magic: Buffer.from('%PDF-', 'latin1') },
  { type: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { type: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
];

/** How many leading bytes `detectFileType` needs to recognise every type it knows. */
export const FILE_TYPE_HEAD_BYTES = Math.max(...SIGNATURES.map(({ magic }) => magic.length));

/**
 * The type of a file as its first bytes say, never its name or the client's claim; null
 * for anything else, or for a type outside `accepted` when that is given.
 */
export function detectFileType(head: Buffer): DetectableFileType | null;
export function detectFileType<T extends DetectableFileType>(
  head: Buffer,
  accepted: readonly T[],
): T | null;
export function detectFileType(
  head: Buffer,
  accepted: readonly DetectableFileType[] = DETECTABLE_FILE_TYPES,
): DetectableFileType | null {
  const found = SIGNATURES.find(({ magic }) => head.subarray(0, magic.length).equals(magic));
  return found && accepted.includes(found.type) ? found.type : null;
}
