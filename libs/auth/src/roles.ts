/** Every role an account can hold; see the product brief, section 2. */
export const ROLES = [
  'national_admin',
  'local_admin',
  'unit_operator',
  'evaluator',
  'panelist',
] as const;

export type Role = (typeof ROLES)[number];

/** Languages the portal and messages are offered in. */
export const LOCALES = ['id', 'en'] as const;

export type Locale = (typeof LOCALES)[number];
