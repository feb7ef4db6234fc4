import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api/api-context';
import { useAction } from '../api/use-action';
import { usePageTitle } from '../app/page-title';
import { useMessages } from '../i18n';
import { Alert, ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { UserIdField } from './credential-fields';
import { signInApi } from './sign-in-api';
import { signInMessages } from './sign-in-messages';

/** Asks registration for a reset link; the answer never tells whether the account exists. */
export default function ForgotPasswordPage() {
  const t = useMessages(signInMessages);
  usePageTitle(t.forgotTitle);
  const api = useApi();
  const [userId, setUserId] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const { busy, error, run } = useAction();
  const [sent, setSent] = useState(false);
  const codes: Readonly<Record<string, string>> = t;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (userId.trim() === '') {
      setFieldError(t.required);
      return;
    }
    setFieldError(undefined);
    await run(async () => {
      await signInApi.requestReset(api, userId.trim());
      setSent(true);
    });
  };

  return (
    <section className="narrow">
      <h1>{t.forgotTitle}</h1>
      {sent ? (
        <Alert tone="success">
          <p>{t.forgotSent}</p>
        </Alert>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate className="form">
          <p>{t.forgotIntro}</p>
          {error ? <ErrorAlert error={error} codes={codes} /> : null}
          <UserIdField value={userId} error={fieldError} onChange={setUserId} />
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {t.forgotSubmit}
            </Button>
          </div>
        </form>
      )}
      <p>
        <Link to="/sign-in">{t.backToSignIn}</Link>
      </p>
    </section>
  );
}
