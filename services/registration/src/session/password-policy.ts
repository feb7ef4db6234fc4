/** What the password policy checks; the portal explains each rule by this name. */
export type PasswordRule =
  | 'MIN_LENGTH'
  | 'CONTAINS_USER_ID'
  | 'COMMON_PASSWORD'
  | 'CHARACTER_CLASSES'
  /** Checked where the current hash is at hand: a forced change must change something. */
  | 'SAME_AS_CURRENT';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// The most common passwords and their local variants; a short list on purpose: length and
// character classes do most of the work, this catches what passes them anyway.
const COMMON_PASSWORDS = new Set([
  'password1234',
  'password123!',
  'password@123',
  'passw0rd1234',
  'qwerty123456',
  'qwertyuiop12',
  '123456789012',
  '1234567890ab',
  'abc123456789',
  'iloveyou1234',
  'admin1234567',
  'administrator',
  'welcome12345',
  'welcome@1234',
  'changeme1234',
  'letmein12345',
  'indonesia123',
  'indonesia2024',
  'indonesia2025',
  'indonesia2026',
  'indonesia2027',
  'jakarta12345',
  'bismillah123',
  'rahasia12345',
  'katasandi123',
  'p@ssw0rd1234',
  'p@ssword1234',
  'kipp12345678',
  'sinovik12345',
]);

/** The rules `password` breaks for the account `userId`; empty when it is acceptable. */
export function passwordPolicyViolations(password: string, userId: string): PasswordRule[] {
  const violations: PasswordRule[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) violations.push('MIN_LENGTH');
  const lower = password.toLowerCase();
  if (userId.length > 0 && lower.includes(userId.toLowerCase())) {
    violations.push('CONTAINS_USER_ID');
  }
  if (COMMON_PASSWORDS.has(lower)) violations.push('COMMON_PASSWORD');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) =>
    pattern.test(password),
  ).length;
  if (classes < 3) violations.push('CHARACTER_CLASSES');
  return violations;
}
