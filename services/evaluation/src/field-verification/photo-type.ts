import type { FieldPhotoType } from './field-verification.schema';

const SIGNATURES: readonly { type: FieldPhotoType; magic: Buffer }[] = [
  { type: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { type: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
];

/** The photo's type by its first bytes (never its name or declared type); null otherwise. */
export function detectPhotoType(bytes: Buffer): FieldPhotoType | null {
  return (
    SIGNATURES.find(({ magic }) => bytes.subarray(0, magic.length).equals(magic))?.type ?? null
  );
}

/** 10 MB: photos from a phone camera fit, videos do not. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
