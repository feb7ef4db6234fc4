import type { FieldPhotoType } from './field-verification.schema';

/** What a field photo may be, by its bytes (never its name or declared type). */
export const FIELD_PHOTO_TYPES: readonly FieldPhotoType[] = ['image/jpeg', 'image/png'];

/** 10 MB: photos from a phone camera fit, videos do not. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
