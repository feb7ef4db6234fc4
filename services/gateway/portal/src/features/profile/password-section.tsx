import { useState, type SyntheticEvent } from 'react';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import {
  checkNewPassword,
  NewPasswordFields,
  ruleText,
  type NewPasswordErrors,
  type NewPasswordValue,
} from '../../auth/new-password-fields';
import { rulesOf } from '../../auth/password-policy';
import { useSessionStore } from '../../auth/session-context';
import { signInMessages } from '../../auth/sign-in-messages';
import { useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { profileMessages } from './messages';
import { profileApi } from './profile-api';

const EMPTY: NewPasswordValue = { password: '', confirmation: '' };

interface FormErrors extends NewPasswordErrors {
  readonly current?: string;
}

/** The reset link by mail, for someone who no longer knows their current password. */
function PasswordLink({ userId }: { userId: string }) {
  const t = useMessages(profileMessages);
  const api = useApi();
  const { busy, error, run } = useAction();
  const [sent, setSent] = useState(false);
  return (
    <>
      <h3>{t.forgotTitle}</h3>
      <p>{t.forgotBody}</p>
      {error ? <ErrorAlert error={error} /> : null}
      {sent ? (
        <Alert tone="success">
          <p>{t.passwordSent}</p>
        </Alert>
      ) : (
        <Button
          variant="secondary"
          busy={busy}
          onClick={() =>
            void run(async () => {
              await profileApi.requestPasswordLink(api, userId);
              setSent(true);
            })
          }
        >
          {t.passwordSend}
        </Button>
      )}
    </>
  );
}

/**
 * Changes the password with the current one. This session's refresh token goes along, so
 * registration keeps this session and ends every other.
 */
export function PasswordSection({
  userId,
  onChanged,
}: {
  userId: string | null;
  onChanged: () => void;
}) {
  const t = useMessages(profileMessages);
  const s = useMessages(signInMessages);
  const api = useApi();
  const store = useSessionStore();
  const { busy, error, run } = useAction();
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState<NewPasswordValue>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>({});
  const [changed, setChanged] = useState(false);

  const serverRules =
    error instanceof ApiError && error.code === 'PASSWORD_POLICY' ? rulesOf(error.details) : [];
  const codes: Readonly<Record<string, string>> = {
    CURRENT_PASSWORD_INVALID: t.CURRENT_PASSWORD_INVALID,
    PASSWORD_POLICY: t.PASSWORD_POLICY,
  };

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChanged(false);
    const found: FormErrors = {
      ...checkNewPassword(s, value, userId),
      ...(current === '' ? { current: s.required } : {}),
    };
    const sameAsCurrent = current !== '' && value.password === current && !found.password;
    const all = sameAsCurrent ? { ...found, password: ruleText(s, ['SAME_AS_CURRENT']) } : found;
    setErrors(all);
    if (Object.keys(all).length > 0) return;
    const refreshToken = store.currentRefreshToken();
    void run(async () => {
      await profileApi.changePassword(api, {
        currentPassword: current,
        newPassword: value.password,
        ...(refreshToken ? { refreshToken } : {}),
      });
      setCurrent('');
      setValue(EMPTY);
      setChanged(true);
      onChanged();
    });
  };

  const passwordError =
    errors.password ?? (serverRules.length > 0 ? ruleText(s, serverRules) : undefined);
  return (
    <section aria-labelledby="password-title" className="panel">
      <h2 id="password-title">{t.passwordTitle}</h2>
      <p>{t.passwordBody}</p>
      {changed ? (
        <Alert tone="success">
          <p>{t.passwordChanged}</p>
        </Alert>
      ) : null}
      {error ? <ErrorAlert error={error} codes={codes} /> : null}
      <form onSubmit={submit} noValidate className="form">
        <Field
          label={t.currentPassword}
          error={errors.current}
          type="password"
          name="current-password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <NewPasswordFields
          value={value}
          errors={{ ...errors, ...(passwordError ? { password: passwordError } : {}) }}
          onChange={setValue}
        />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t.passwordSubmit}
          </Button>
        </div>
      </form>
      {userId ? <PasswordLink userId={userId} /> : null}
    </section>
  );
}
