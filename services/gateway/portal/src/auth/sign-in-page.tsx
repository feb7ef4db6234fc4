import { useEffect, useState, type SyntheticEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import { usePageTitle } from '../app/page-title';
import { useMessages } from '../i18n';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field } from '../ui/field';
import { Progress } from '../ui/progress';
import {
  checkNewPassword,
  NewPasswordFields,
  ruleText,
  type NewPasswordErrors,
} from './new-password-fields';
import { TotpCodeField, UserIdField } from './credential-fields';
import { rulesOf } from './password-policy';
import { normaliseCode, safeNext, signInApi, type SignInStep, type TotpOffer } from './sign-in-api';
import { signInMessages } from './sign-in-messages';
import { useSession, useSessionStore } from './session-context';
import { TotpOfferDetails } from './totp-offer';

type Stage =
  | { readonly kind: 'credentials' }
  | { readonly kind: 'password_change'; readonly challenge: string }
  | { readonly kind: 'totp_enrolment'; readonly challenge: string }
  | { readonly kind: 'totp'; readonly challenge: string };

type Texts = (typeof signInMessages)['id'];

function stageOf(step: Exclude<SignInStep, { status: 'signed_in' }>): Stage {
  switch (step.status) {
    case 'password_change_required':
      return { kind: 'password_change', challenge: step.challenge };
    case 'totp_enrolment_required':
      return { kind: 'totp_enrolment', challenge: step.challenge };
    case 'totp_required':
      return { kind: 'totp', challenge: step.challenge };
  }
}

function CredentialsStep({
  t,
  busy,
  onSubmit,
}: {
  t: Texts;
  busy: boolean;
  onSubmit: (userId: string, password: string) => void;
}) {
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ userId?: string; password?: string }>({});
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      ...(userId.trim() === '' ? { userId: t.required } : {}),
      ...(password === '' ? { password: t.required } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(userId.trim(), password);
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <UserIdField value={userId} error={errors.userId} onChange={setUserId} />
      <Field
        label={t.password}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        error={errors.password}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t.submit}
        </Button>
        <Link to="/forgot-password">{t.forgot}</Link>
      </div>
    </form>
  );
}

function PasswordChangeStep({
  t,
  userId,
  busy,
  serverRulesError,
  onSubmit,
}: {
  t: Texts;
  userId: string;
  busy: boolean;
  serverRulesError: string | null;
  onSubmit: (newPassword: string) => void;
}) {
  const [value, setValue] = useState({ password: '', confirmation: '' });
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkNewPassword(t, value, userId);
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(value.password);
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <h1>{t.changeTitle}</h1>
      <p>{t.changeIntro}</p>
      <NewPasswordFields
        value={value}
        errors={
          serverRulesError && !errors.password ? { ...errors, password: serverRulesError } : errors
        }
        onChange={setValue}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t.changeSubmit}
        </Button>
      </div>
    </form>
  );
}

function CodeForm({
  t,
  busy,
  submitLabel,
  onSubmit,
}: {
  t: Texts;
  busy: boolean;
  submitLabel: string;
  onSubmit: (code: string) => void;
}) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const normalised = normaliseCode(code);
    setError(normalised ? undefined : t.codeFormat);
    if (normalised) onSubmit(normalised);
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <TotpCodeField value={code} error={error} onChange={setCode} />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/**
 * Sign-in with every step registration may ask for: the forced password change at the first
 * sign-in, enrolling an authenticator app, and the authenticator code.
 */
export default function SignInPage() {
  const t = useMessages(signInMessages);
  const api = useApi();
  const store = useSessionStore();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [stage, setStage] = useState<Stage>({ kind: 'credentials' });
  const [userId, setUserId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [offer, setOffer] = useState<TotpOffer | null>(null);

  const title =
    stage.kind === 'credentials'
      ? t.title
      : stage.kind === 'password_change'
        ? t.changeTitle
        : stage.kind === 'totp_enrolment'
          ? t.enrolTitle
          : t.totpTitle;
  usePageTitle(title);

  const enrolChallenge = stage.kind === 'totp_enrolment' ? stage.challenge : null;
  useEffect(() => {
    if (enrolChallenge === null) return;
    let current = true;
    setOffer(null);
    signInApi.offerTotp(api, enrolChallenge).then(
      (value) => {
        if (current) setOffer(value);
      },
      (reason: unknown) => {
        if (current) setError(reason);
      },
    );
    return () => {
      current = false;
    };
  }, [api, enrolChallenge]);

  if (session.status === 'signed-in' && !busy) return <Navigate to={next} replace />;

  const run = async (call: () => Promise<SignInStep>, who: string, viaSecondFactor = false) => {
    setBusy(true);
    setError(null);
    try {
      const step = await call();
      if (step.status === 'signed_in') {
        // A code asked at sign-in means the second factor is on; none asked, it is off.
        store.completeSignIn(step, { userId: who, secondFactor: viaSecondFactor });
        void navigate(next, { replace: true });
      } else {
        setStage(stageOf(step));
      }
    } catch (reason) {
      setError(reason);
      if (reason instanceof ApiError && reason.code === 'CHALLENGE_INVALID')
        setStage({ kind: 'credentials' });
    } finally {
      setBusy(false);
    }
  };

  const serverRules =
    error instanceof ApiError && error.code === 'PASSWORD_POLICY' ? rulesOf(error.details) : [];
  const serverRulesError = serverRules.length > 0 ? ruleText(t, serverRules) : null;
  const codes: Readonly<Record<string, string>> = t;

  return (
    <section className="narrow">
      {error ? <ErrorAlert error={error} codes={codes} /> : null}
      {stage.kind === 'credentials' ? (
        <CredentialsStep
          t={t}
          busy={busy}
          onSubmit={(id, password) => {
            setUserId(id);
            void run(() => signInApi.start(api, id, password), id);
          }}
        />
      ) : null}
      {stage.kind === 'password_change' ? (
        <PasswordChangeStep
          t={t}
          userId={userId}
          busy={busy}
          serverRulesError={serverRulesError}
          onSubmit={(password) =>
            void run(() => signInApi.changePassword(api, stage.challenge, password), userId)
          }
        />
      ) : null}
      {stage.kind === 'totp_enrolment' ? (
        <>
          <h1>{t.enrolTitle}</h1>
          <p>{t.enrolIntro}</p>
          {offer ? (
            <>
              <TotpOfferDetails offer={offer} />
              <CodeForm
                t={t}
                busy={busy}
                submitLabel={t.enrolSubmit}
                onSubmit={(code) =>
                  void run(() => signInApi.confirmTotp(api, stage.challenge, code), userId, true)
                }
              />
            </>
          ) : error ? null : (
            <Progress label={t.loadingSecret} />
          )}
        </>
      ) : null}
      {stage.kind === 'totp' ? (
        <>
          <h1>{t.totpTitle}</h1>
          <p>{t.totpIntro}</p>
          <CodeForm
            t={t}
            busy={busy}
            submitLabel={t.verify}
            onSubmit={(code) =>
              void run(() => signInApi.verifyTotp(api, stage.challenge, code), userId, true)
            }
          />
        </>
      ) : null}
      {stage.kind !== 'credentials' ? (
        <p>
          <Button
            variant="link"
            onClick={() => {
              setError(null);
              setStage({ kind: 'credentials' });
            }}
          >
            {t.startOver}
          </Button>
        </p>
      ) : null}
    </section>
  );
}
