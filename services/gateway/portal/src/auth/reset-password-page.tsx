import { useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import { useAction } from '../api/use-action';
import { usePageTitle } from '../app/page-title';
import { useMessages } from '../i18n';
import { Alert, ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import {
  checkNewPassword,
  NewPasswordFields,
  ruleText,
  type NewPasswordErrors,
} from './new-password-fields';
import { rulesOf } from './password-policy';
import { signInApi } from './sign-in-api';
import { signInMessages } from './sign-in-messages';

/** The page the reset link opens (`/reset-password?token=…`): a new password for the account. */
export default function ResetPasswordPage() {
  const t = useMessages(signInMessages);
  usePageTitle(t.resetTitle);
  const api = useApi();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [value, setValue] = useState({ password: '', confirmation: '' });
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);
  const codes: Readonly<Record<string, string>> = t;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The user id is not known here; the server checks that rule.
    const found = checkNewPassword(t, value, null);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await run(async () => {
      try {
        await signInApi.confirmReset(api, token, value.password);
      } catch (reason) {
        const rules =
          reason instanceof ApiError && reason.code === 'PASSWORD_POLICY'
            ? rulesOf(reason.details)
            : [];
        if (rules.length > 0) setErrors({ password: ruleText(t, rules) });
        throw reason;
      }
      setDone(true);
    });
  };

  const tokenProblem = error instanceof ApiError && error.code === 'RESET_TOKEN_INVALID';
  return (
    <section className="narrow">
      <h1>{t.resetTitle}</h1>
      {done ? (
        <Alert tone="success">
          <p>{t.resetDone}</p>
          <p>
            <Link to="/sign-in">{t.backToSignIn}</Link>
          </p>
        </Alert>
      ) : token === '' ? (
        <Alert tone="warning">
          <p>{t.resetNoToken}</p>
          <p>
            <Link to="/forgot-password">{t.requestNew}</Link>
          </p>
        </Alert>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate className="form">
          <p>{t.resetIntro}</p>
          {error ? <ErrorAlert error={error} codes={codes} /> : null}
          {tokenProblem ? (
            <p>
              <Link to="/forgot-password">{t.requestNew}</Link>
            </p>
          ) : null}
          <NewPasswordFields value={value} errors={errors} onChange={setValue} />
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {t.resetSubmit}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
