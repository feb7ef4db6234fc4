import { useEffect, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { usePageTitle } from '../../app/page-title';
import { useI18n, useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { preferencesMessages } from './messages';
import { profileApi, type Preferences } from './profile-api';

/** Opting in and out of the optional notification categories, and the daily digest. */
export default function PreferencesPage() {
  const t = useMessages(preferencesMessages);
  usePageTitle(t.title);
  const { locale } = useI18n();
  const api = useApi();
  const [loaded, setLoaded] = useState<Preferences | null>(null);
  const [optedOut, setOptedOut] = useState<ReadonlySet<string>>(new Set());
  const [dailyDigest, setDailyDigest] = useState(false);
  const { busy, error, run, setError } = useAction();
  const [saved, setSaved] = useState(false);

  const show = (preferences: Preferences) => {
    setLoaded(preferences);
    setOptedOut(new Set(preferences.optedOut));
    setDailyDigest(preferences.dailyDigest);
  };

  useEffect(() => {
    const controller = new AbortController();
    profileApi.preferences(api, controller.signal).then(show, (reason: unknown) => {
      if (!controller.signal.aborted) setError(reason);
    });
    return () => controller.abort();
  }, [api, setError]);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    await run(async () => {
      show(await profileApi.savePreferences(api, [...optedOut].sort(), dailyDigest));
      setSaved(true);
    });
  };

  const optional = loaded?.categories.filter((c) => c.optional) ?? [];
  const mandatory = loaded?.categories.filter((c) => !c.optional) ?? [];
  const codes: Readonly<Record<string, string>> = { CATEGORY_MANDATORY: t.CATEGORY_MANDATORY };

  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {error ? <ErrorAlert error={error} codes={codes} /> : null}
      {saved ? (
        <Alert tone="success">
          <p>{t.saved}</p>
        </Alert>
      ) : null}
      {!loaded && !error ? <Progress label={t.loading} /> : null}
      {loaded ? (
        <form onSubmit={(event) => void submit(event)} className="form">
          <fieldset>
            <legend>{t.optional}</legend>
            {optional.map((category) => (
              <Checkbox
                key={category.category}
                label={t.receive(category.name[locale])}
                checked={!optedOut.has(category.category)}
                onChange={(event) => {
                  const next = new Set(optedOut);
                  if (event.target.checked) next.delete(category.category);
                  else next.add(category.category);
                  setOptedOut(next);
                }}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>{t.digest}</legend>
            <Checkbox
              label={t.digestLabel}
              hint={t.digestHint}
              checked={dailyDigest}
              onChange={(event) => setDailyDigest(event.target.checked)}
            />
          </fieldset>
          {mandatory.length > 0 ? (
            <div>
              <h2 id="mandatory-categories">{t.mandatory}</h2>
              <ul aria-labelledby="mandatory-categories">
                {mandatory.map((category) => (
                  <li key={category.category}>{category.name[locale]}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {t.save}
            </Button>
          </div>
        </form>
      ) : null}
      <p>
        <Link to="/profile">{t.backToProfile}</Link>
      </p>
    </section>
  );
}
