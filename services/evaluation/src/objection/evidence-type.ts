import type { ObjectionEvidenceType } from './objection.schema';

const SIGNATURES: readonly { type: ObjectionEvidenceType; magic: Buffer }[] = [
  { type: 'application/pdf', magic: Buffer.from('%PDF-', 'latin1') },
  { type: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { type: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
];

/** The type of a file as its first bytes say, never its name or the client's claim; null otherwise. */
export function detectEvidenceType(bytes: Buffer): ObjectionEvidenceType | null {
  return (
    SIGNATURES.find(({ magic }) => bytes.subarray(0, magic.length).equals(magic))?.type ?? null
  );
}
