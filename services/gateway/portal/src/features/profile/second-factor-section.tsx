import { useState, type SyntheticEvent } from 'react';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { TotpCodeField } from '../../auth/credential-fields';
import { useSessionStore } from '../../auth/session-context';
import { normaliseCode, type TotpOffer } from '../../auth/sign-in-api';
import { signInMessages } from '../../auth/sign-in-messages';
import { TotpOfferDetails } from '../../auth/totp-offer';
import { useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { profileMessages } from './messages';
import { profileApi, type MyAccount } from './profile-api';

type Mode = { kind: 'idle' } | { kind: 'enrolling'; offer: TotpOffer } | { kind: 'disabling' };

/**
 * Second-factor status as registration reports it (`GET /me`; null while it loads), turning
 * it on (secret, code) and off (code) where the role allows. `onChanged` loads it again.
 */
export function SecondFactorSection({
  status,
  onChanged,
}: {
  status: MyAccount['secondFactor'] | null;
  onChanged: () => void;
}) {
  const t = useMessages(profileMessages);
  const s = useMessages(signInMessages);
  const api = useApi();
  const store = useSessionStore();
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>(undefined);
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const required = status?.required ?? false;
  const enabled = status?.enabled ?? null;
  const codes: Readonly<Record<string, string>> = {
    SECOND_FACTOR_ALREADY_ENABLED: t.SECOND_FACTOR_ALREADY_ENABLED,
    SECOND_FACTOR_NOT_ENABLED: t.SECOND_FACTOR_NOT_ENABLED,
    SECOND_FACTOR_REQUIRED: t.SECOND_FACTOR_REQUIRED,
    NO_PENDING_SECOND_FACTOR: t.NO_PENDING_SECOND_FACTOR,
    TOTP_CODE_INVALID: t.TOTP_CODE_INVALID,
  };

  const act = async (action: () => Promise<void>) => {
    setDone(null);
    await run(async () => {
      try {
        await action();
      } catch (reason) {
        // The server knows better than this browser: follow what it says.
        const code = reason instanceof ApiError ? reason.code : null;
        if (code === 'SECOND_FACTOR_ALREADY_ENABLED' || code === 'SECOND_FACTOR_NOT_ENABLED') {
          store.setSecondFactor(code === 'SECOND_FACTOR_ALREADY_ENABLED');
          onChanged();
        }
        if (
          code === 'SECOND_FACTOR_ALREADY_ENABLED' ||
          code === 'SECOND_FACTOR_NOT_ENABLED' ||
          code === 'NO_PENDING_SECOND_FACTOR'
        ) {
          setMode({ kind: 'idle' });
        }
        throw reason;
      }
    });
  };

  const submitCode = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const normalised = normaliseCode(code);
    setCodeError(normalised ? undefined : s.codeFormat);
    if (!normalised) return;
    void act(async () => {
      if (mode.kind === 'enrolling') {
        await profileApi.confirmSecondFactor(api, normalised);
        store.setSecondFactor(true);
        setDone(t.enabled);
      } else {
        await profileApi.disableSecondFactor(api, normalised);
        store.setSecondFactor(false);
        setDone(t.disabled);
      }
      setMode({ kind: 'idle' });
      setCode('');
      onChanged();
    });
  };

  return (
    <section aria-labelledby="second-factor-title" className="panel">
      <h2 id="second-factor-title">{t.secondFactorTitle}</h2>
      <p>
        {enabled === true
          ? t.secondFactorOn
          : enabled === false
            ? t.secondFactorOff
            : t.secondFactorUnknown}
        {required ? ` ${t.secondFactorRequired}` : null}
      </p>
      {done ? (
        <Alert tone="success">
          <p>{done}</p>
        </Alert>
      ) : null}
      {error ? <ErrorAlert error={error} codes={codes} /> : null}
      {mode.kind === 'idle' && enabled === false ? (
        <Button
          busy={busy}
          onClick={() =>
            void act(async () => {
              setMode({ kind: 'enrolling', offer: await profileApi.startSecondFactor(api) });
            })
          }
        >
          {t.enable}
        </Button>
      ) : null}
      {mode.kind === 'idle' && enabled === true && !required ? (
        <Button variant="secondary" onClick={() => setMode({ kind: 'disabling' })}>
          {t.disable}
        </Button>
      ) : null}
      {mode.kind !== 'idle' ? (
        <form onSubmit={submitCode} noValidate className="form">
          {mode.kind === 'enrolling' ? (
            <>
              <p>{t.enableIntro}</p>
              <TotpOfferDetails offer={mode.offer} />
            </>
          ) : (
            <p>{t.disableIntro}</p>
          )}
          <TotpCodeField value={code} error={codeError} onChange={setCode} />
          <div className="form-actions">
            <Button
              type="submit"
              busy={busy}
              variant={mode.kind === 'disabling' ? 'danger' : 'primary'}
            >
              {mode.kind === 'enrolling' ? t.confirm : t.disableConfirm}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setMode({ kind: 'idle' });
                setCode('');
                setCodeError(undefined);
              }}
            >
              {t.cancel}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
