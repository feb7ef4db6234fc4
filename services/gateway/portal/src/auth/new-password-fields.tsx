import { useMessages } from '../i18n';
import { Field } from '../ui/field';
import { passwordProblems, type PasswordRule } from './password-policy';
import { signInMessages } from './sign-in-messages';

export interface NewPasswordValue {
  readonly password: string;
  readonly confirmation: string;
}

export interface NewPasswordErrors {
  readonly password?: string;
  readonly confirmation?: string;
}

type SignInTexts = (typeof signInMessages)['id'];

/** The messages for broken rules, joined into one error text. */
export function ruleText(t: SignInTexts, rules: readonly PasswordRule[]): string {
  return rules.map((rule) => t[`rule_${rule}`]).join(' ');
}

/** Checks a new password and its repetition; an empty object when both are fine. */
export function checkNewPassword(
  t: SignInTexts,
  value: NewPasswordValue,
  userId: string | null,
): NewPasswordErrors {
  const problems = passwordProblems(value.password, userId);
  return {
    ...(value.password === ''
      ? { password: t.required }
      : problems.length > 0
        ? { password: ruleText(t, problems) }
        : {}),
    ...(value.confirmation !== value.password ? { confirmation: t.mismatch } : {}),
  };
}

/** A new password and its repetition, with the policy as hint and per-field errors. */
export function NewPasswordFields({
  value,
  errors,
  onChange,
}: {
  value: NewPasswordValue;
  errors: NewPasswordErrors;
  onChange: (value: NewPasswordValue) => void;
}) {
  const t = useMessages(signInMessages);
  return (
    <>
      <Field
        label={t.newPassword}
        hint={t.newPasswordHint}
        error={errors.password}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.target.value })}
      />
      <Field
        label={t.confirmPassword}
        error={errors.confirmation}
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        required
        value={value.confirmation}
        onChange={(event) => onChange({ ...value, confirmation: event.target.value })}
      />
    </>
  );
}
