import { z } from 'zod';

/** Text shown to people in both portal languages, at most `maxLength` characters in each. */
export function localizedText(maxLength: number) {
  return z.strictObject({
    id: z.string().min(1).max(maxLength),
    en: z.string().min(1).max(maxLength),
  });
}

/** A name or title shown to people in both portal languages. */
export const localizedTextSchema = localizedText(500);

export const instantSchema = z.iso.datetime({ offset: true });

export const ROLES = [
  'national_admin',
  'local_admin',
  'unit_operator',
  'evaluator',
  'panelist',
] as const;
export const roleSchema = z.enum(ROLES);

export const LOCALES = ['id', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** Who did something: an account, or the platform itself (e.g. the phase scheduler). */
export const actorSchema = z.union([
  z.strictObject({ kind: z.literal('account'), accountId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('system'), process: z.string().min(1).max(64) }),
]);
