import { codeMessages } from '../../api/code-messages';
import { useState, type SyntheticEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useI18n, useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DateTime, formatDateTime } from '../../ui/date-time';
import { Checkbox, Field } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { afterAwardMessages } from './after-award-messages';
import {
  checkInOutcome,
  replicationApi,
  type CheckIn,
  type CheckInAnswer,
} from './replication-api';

/** People served as typed: empty is "not given", otherwise a whole number ≥ 0. */
export function parsePeopleServed(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : 'invalid';
}

function AnswerForm({
  checkIn,
  onAnswered,
}: {
  checkIn: CheckIn;
  onAnswered: (c: CheckIn) => void;
}) {
  const t = useMessages(afterAwardMessages);
  const api = useApi();
  const action = useAction();
  const [running, setRunning] = useState(true);
  const [inBudget, setInBudget] = useState(false);
  const [regulation, setRegulation] = useState(false);
  const [scaled, setScaled] = useState(false);
  const [people, setPeople] = useState('');
  const [peopleError, setPeopleError] = useState(false);
  const outcome = checkInOutcome({ running, scaled });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const peopleServed = parsePeopleServed(people);
    setPeopleError(peopleServed === 'invalid');
    if (peopleServed === 'invalid') return;
    const answer: CheckInAnswer = {
      running,
      inBudget,
      regulationInForce: regulation,
      scaled: running && scaled,
      ...(peopleServed === null ? {} : { peopleServed }),
    };
    void action.run(async () =>
      onAnswered(await replicationApi.answerCheckIn(api, checkIn.checkInId, answer)),
    );
  };

  return (
    <form className="form" noValidate onSubmit={submit}>
      <Checkbox
        label={t.running}
        checked={running}
        onChange={(e) => setRunning(e.target.checked)}
      />
      <Checkbox
        label={t.inBudget}
        checked={inBudget}
        onChange={(e) => setInBudget(e.target.checked)}
      />
      <Checkbox
        label={t.regulationInForce}
        checked={regulation}
        onChange={(e) => setRegulation(e.target.checked)}
      />
      <Checkbox
        label={t.scaled}
        checked={scaled && running}
        disabled={!running}
        onChange={(e) => setScaled(e.target.checked)}
      />
      <Field
        label={t.peopleServed}
        inputMode="numeric"
        value={people}
        error={peopleError ? t.peopleInvalid : undefined}
        onChange={(e) => setPeople(e.target.value)}
      />
      <p>{t.outcomePreview(t[`outcome_${outcome}`])}</p>
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
      <Button type="submit" busy={action.busy}>
        {t.send}
      </Button>
    </form>
  );
}

/** One yearly check-in of an innovation of the institution: its answer, or the form to give it. */
export default function CheckInPage() {
  const t = useMessages(afterAwardMessages);
  const { locale } = useI18n();
  const { innovationId = '', checkInId = '' } = useParams();
  const query = useApiQuery(`check-in:${innovationId}`, (api, signal) =>
    replicationApi.checkIns(api, { innovationId }, signal),
  );
  const [answered, setAnswered] = useState<CheckIn | null>(null);
  const checkIn = answered ?? query.data?.checkIns.find((c) => c.checkInId === checkInId) ?? null;
  usePageTitle(checkIn ? t.checkInTitle(checkIn.innovationTitle, checkIn.period) : t.checkInsTitle);
  return (
    <section>
      <p>
        <Link to="/operator/check-ins">{t.backToList}</Link>
      </p>
      <h1>{checkIn ? t.checkInTitle(checkIn.innovationTitle, checkIn.period) : t.checkInsTitle}</h1>
      {query.error ? <ErrorAlert error={query.error} codes={codeMessages(t)} /> : null}
      {query.loading && !query.data ? <Progress label={t.checkInLoading} /> : null}
      {query.data && !checkIn ? <Alert tone="warning">{t.checkInNotFound}</Alert> : null}
      {checkIn ? (
        <>
          <dl className="summary">
            <dt>{t.colStatus}</dt>
            <dd>{t[`cstatus_${checkIn.status}`]}</dd>
            <dt>{t.colDue}</dt>
            <dd>
              <DateTime value={checkIn.dueAt} />
            </dd>
          </dl>
          {answered ? (
            <Alert tone="success">
              <p>{t.answered}</p>
            </Alert>
          ) : null}
          {checkIn.answer ? (
            <>
              <p>
                {t.answeredOn(
                  formatDateTime(checkIn.answer.answeredAt, locale),
                  checkIn.answer.late,
                )}
              </p>
              <dl className="summary">
                <dt>{t.colOutcome}</dt>
                <dd>{t[`outcome_${checkIn.answer.outcome}`]}</dd>
                <dt>{t.running}</dt>
                <dd>{checkIn.answer.running ? t.yes : t.falseAnswer}</dd>
                <dt>{t.inBudget}</dt>
                <dd>{checkIn.answer.inBudget ? t.yes : t.falseAnswer}</dd>
                <dt>{t.regulationInForce}</dt>
                <dd>{checkIn.answer.regulationInForce ? t.yes : t.falseAnswer}</dd>
                <dt>{t.peopleServed}</dt>
                <dd>{checkIn.answer.peopleServed ?? '—'}</dd>
              </dl>
            </>
          ) : (
            <AnswerForm checkIn={checkIn} onAnswered={setAnswered} />
          )}
        </>
      ) : null}
    </section>
  );
}
