import { LOCALES, ROLES } from '@kipp/contracts';

/** Every role an account can hold (brief, section 2), as the contracts declare them. */
export { ROLES, LOCALES };

export type Role = (typeof ROLES)[number];

/** Languages the portal and messages are offered in. */
export type Locale = (typeof LOCALES)[number];
