/** The rules registration's password policy names (`details.rules` of PASSWORD_POLICY). */
export const PASSWORD_RULES = [
  'MIN_LENGTH',
  'MAX_LENGTH',
  'CONTAINS_USER_ID',
  'COMMON_PASSWORD',
  'CHARACTER_CLASSES',
  'SAME_AS_CURRENT',
] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * The rules a new password visibly breaks, checked before it is sent. The server checks
 * again, and alone knows the list of common passwords and the current one.
 */
export function passwordProblems(password: string, userId: string | null): PasswordRule[] {
  const problems: PasswordRule[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('MIN_LENGTH');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('MAX_LENGTH');
  if (userId && password.toLowerCase().includes(userId.toLowerCase())) {
    problems.push('CONTAINS_USER_ID');
  }
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) =>
    pattern.test(password),
  ).length;
  if (classes < 3) problems.push('CHARACTER_CLASSES');
  return problems;
}

/** The rules a PASSWORD_POLICY error names, ignoring any this portal does not know. */
export function rulesOf(details: unknown): PasswordRule[] {
  if (typeof details !== 'object' || details === null || !('rules' in details)) return [];
  const rules: unknown = details.rules;
  if (!Array.isArray(rules)) return [];
  return rules.filter((rule): rule is PasswordRule =>
    (PASSWORD_RULES as readonly unknown[]).includes(rule),
  );
}
