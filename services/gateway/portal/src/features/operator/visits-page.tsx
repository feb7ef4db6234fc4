import { codeMessages } from '../../api/code-messages';
import { Notice, useInstitution } from './proposal-parts';
import { useState, type SyntheticEvent } from 'react';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DateTime } from '../../ui/date-time';
import { EmptyState } from '../../ui/empty-state';
import { Field, Select, TextArea } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { afterAwardMessages } from './after-award-messages';
import { OperatorNav } from './operator-nav';
import { replicationApi, visitDateValid, type Visit } from './replication-api';

/** Today in WIT, the zone replication checks "not in the future" against (the latest day). */
export function todayInWit(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

function VisitTable({
  caption,
  visits,
  onConfirm,
}: {
  caption: string;
  visits: readonly Visit[];
  onConfirm?: (visit: Visit) => void;
}) {
  const t = useMessages(afterAwardMessages);
  return (
    <Table<Visit>
      caption={caption}
      rows={visits}
      rowKey={(row) => row.visitId}
      columns={[
        {
          key: 'visitor',
          header: t.colVisitor,
          rowHeader: true,
          cell: (row) => row.visitorInstitutionName ?? row.visitorInstitutionId,
        },
        {
          key: 'date',
          header: t.colDate,
          cell: (row) => <DateTime value={row.visitedOn} dateOnly />,
        },
        { key: 'purpose', header: t.colPurpose, cell: (row) => row.purpose },
        {
          key: 'confirmed',
          header: t.colConfirmed,
          cell: (row) =>
            row.confirmed ? (
              t.yes
            ) : onConfirm ? (
              <Button variant="secondary" onClick={() => onConfirm(row)}>
                {t.confirm(row.visitedOn)}
              </Button>
            ) : (
              t.no
            ),
        },
        { key: 'led', header: t.colLed, cell: (row) => (row.ledToReplication ? t.yes : t.no) },
      ]}
    />
  );
}

function OurInnovations() {
  const t = useMessages(afterAwardMessages);
  const api = useApi();
  const { institutionId } = useInstitution();
  const innovations = useApiQuery(
    institutionId ? `innovations:${institutionId}` : null,
    (client, signal) =>
      replicationApi.innovations(client, { institution: institutionId ?? '' }, signal),
  );
  const [chosen, setChosen] = useState('');
  const innovationId = chosen || innovations.data?.items[0]?.innovationId || '';
  const innovation = innovations.data?.items.find((row) => row.innovationId === innovationId);
  const visits = useApiQuery(innovationId ? `visits:${innovationId}` : null, (client, signal) =>
    replicationApi.visits(client, innovationId, signal),
  );
  const [visitor, setVisitor] = useState('');
  const [date, setDate] = useState('');
  const [purpose, setPurpose] = useState('');
  const [errors, setErrors] = useState<{ visitor?: string; date?: string; purpose?: string }>({});
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();

  const record = (event: SyntheticEvent) => {
    event.preventDefault();
    setNotice(null);
    const found = {
      ...(visitor.trim() ? {} : { visitor: t.required }),
      ...(date
        ? visitDateValid(date, todayInWit())
          ? {}
          : { date: t.dateInvalid }
        : { date: t.required }),
      ...(purpose.trim() ? {} : { purpose: t.required }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void action.run(async () => {
      await replicationApi.recordVisit(api, innovationId, {
        visitorInstitutionId: visitor.trim(),
        visitedOn: date,
        purpose: purpose.trim(),
      });
      setNotice(t.recorded);
      setVisitor('');
      setDate('');
      setPurpose('');
      visits.reload();
    });
  };

  if (innovations.error) return <ErrorAlert error={innovations.error} codes={codeMessages(t)} />;
  if (innovations.loading && !innovations.data) return <Progress label={t.loading} />;
  const items = innovations.data?.items ?? [];
  if (items.length === 0) return <EmptyState title={t.noInnovations} />;
  return (
    <>
      <Select
        label={t.innovationChoice}
        value={innovationId}
        onChange={(event) => setChosen(event.target.value)}
        options={items.map((row) => ({
          value: row.innovationId,
          label: `${row.title} (${row.year})`,
        }))}
      />
      {visits.error ? <ErrorAlert error={visits.error} codes={codeMessages(t)} /> : null}
      {visits.data && visits.data.visits.length === 0 ? (
        <EmptyState title={t.noVisits} />
      ) : visits.data ? (
        <VisitTable
          caption={t.visitsCaption(innovation?.title ?? innovationId)}
          visits={visits.data.visits}
        />
      ) : (
        <Progress label={t.loading} />
      )}
      <form className="form panel" noValidate onSubmit={record} aria-labelledby="record-visit">
        <h3 id="record-visit">{t.recordTitle}</h3>
        <Field
          label={t.visitorLabel}
          hint={t.visitorHint}
          required
          value={visitor}
          error={errors.visitor}
          onChange={(event) => setVisitor(event.target.value)}
        />
        <Field
          label={t.dateLabel}
          type="date"
          required
          max={todayInWit()}
          value={date}
          error={errors.date}
          onChange={(event) => setDate(event.target.value)}
        />
        <TextArea
          label={t.purposeLabel}
          required
          rows={3}
          value={purpose}
          error={errors.purpose}
          onChange={(event) => setPurpose(event.target.value)}
        />
        <Notice text={notice} />
        {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
        <Button type="submit" busy={action.busy}>
          {t.record}
        </Button>
      </form>
    </>
  );
}

function OurVisits() {
  const t = useMessages(afterAwardMessages);
  const api = useApi();
  const [input, setInput] = useState('');
  const [innovationId, setInnovationId] = useState<string | null>(null);
  const visits = useApiQuery(innovationId ? `our-visits:${innovationId}` : null, (client, signal) =>
    replicationApi.visits(client, innovationId ?? '', signal),
  );
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <p>{t.confirmHint}</p>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setInnovationId(input.trim() || null);
        }}
      >
        <Field
          label={t.innovationIdLabel}
          value={input}
          onChange={(event) => setInput(event.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t.show}
        </Button>
      </form>
      {visits.error ? <ErrorAlert error={visits.error} codes={codeMessages(t)} /> : null}
      {innovationId && visits.data ? (
        visits.data.visits.length === 0 ? (
          <EmptyState title={t.noVisits} />
        ) : (
          <VisitTable
            caption={t.visitsCaption(innovationId)}
            visits={visits.data.visits}
            onConfirm={(visit) =>
              void action.run(async () => {
                await replicationApi.confirmVisit(api, visit.visitId);
                setNotice(t.confirmed);
                visits.reload();
              })
            }
          />
        )
      ) : null}
      <Notice text={notice} />
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
    </>
  );
}

/** Study visits: those to our innovations (record them) and ours to others (confirm them). */
export default function VisitsPage() {
  const t = useMessages(afterAwardMessages);
  usePageTitle(t.visitsTitle);
  return (
    <section>
      <h1>{t.visitsTitle}</h1>
      <OperatorNav />
      <section aria-labelledby="our-innovations">
        <h2 id="our-innovations">{t.ourInnovations}</h2>
        <OurInnovations />
      </section>
      <section aria-labelledby="our-visits">
        <h2 id="our-visits">{t.confirmTitle}</h2>
        <OurVisits />
      </section>
    </section>
  );
}
