import type { ChangeEvent } from 'react';
import { useMessages } from '../i18n';
import { Field } from '../ui/field';
import { signInMessages } from './sign-in-messages';

interface TextFieldProps {
  readonly value: string;
  readonly error: string | undefined;
  readonly onChange: (value: string) => void;
}

const changed = (onChange: (value: string) => void) => (event: ChangeEvent<HTMLInputElement>) =>
  onChange(event.target.value);

/** The user id, as sign-in and reset requests ask for it. */
export function UserIdField({ value, error, onChange }: TextFieldProps) {
  const t = useMessages(signInMessages);
  return (
    <Field
      label={t.userId}
      name="username"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      required
      error={error}
      value={value}
      onChange={changed(onChange)}
    />
  );
}

/** A 6-digit authenticator code (sign-in, enrolment, turning the second factor off). */
export function TotpCodeField({ value, error, onChange }: TextFieldProps) {
  const t = useMessages(signInMessages);
  return (
    <Field
      label={t.code}
      hint={t.codeHint}
      error={error}
      name="one-time-code"
      autoComplete="one-time-code"
      inputMode="numeric"
      required
      value={value}
      onChange={changed(onChange)}
    />
  );
}
