import type { z } from 'zod';
import type { localizedTextSchema, roleSchema, sealedSecretSchema } from '@kipp/contracts';

export type { AwardTier, Locale } from '@kipp/contracts';
export type Role = z.infer<typeof roleSchema>;
export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type SealedSecretPayload = z.infer<typeof sealedSecretSchema>;
