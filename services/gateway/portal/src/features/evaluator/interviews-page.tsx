import { useState } from 'react';
import { codeMessages } from '../../api/code-messages';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useSession } from '../../auth/session-context';
import { useI18n, useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { BarChart } from '../../ui/charts/bar-chart';
import { DateTime } from '../../ui/date-time';
import { EmptyState } from '../../ui/empty-state';
import { Checkbox } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { evaluatorApi, type InterviewSlot } from './evaluator-api';
import {
  dayLabel,
  perDay,
  scheduleRows,
  slotStanding,
  type SlotStanding,
} from './interview-schedule';
import { evaluatorMessages, type EvaluatorText } from './messages';
import { EditionSelect, useEditionChoice, useZone, ZoneSelect } from './shared';

export function standingText(t: EvaluatorText, standing: SlotStanding): string {
  switch (standing) {
    case 'free':
      return t.slotFree;
    case 'confirmed':
      return t.confirmed;
    case 'awaiting':
      return t.awaitingConfirmation;
    case 'at-risk':
      return t.confirmationOverdue;
  }
}

/** The interview sessions of an edition, as the Independent Panel holds them. */
export default function InterviewsPage() {
  const t = useMessages(evaluatorMessages);
  const { locale } = useI18n();
  usePageTitle(t.interviewsTitle);
  const session = useSession();
  const isPanelist = session.status === 'signed-in' && session.user.roles.includes('panelist');
  const choice = useEditionChoice();
  const [zone, setZone] = useZone();
  const [includeFree, setIncludeFree] = useState(false);
  const editionId = isPanelist ? choice.editionId : null;
  const schedule = useApiQuery(
    editionId ? `interviews:${editionId}` : null,
    async (api, signal) => {
      const id = editionId ?? '';
      const [slots, finalists] = await Promise.all([
        evaluatorApi.interviewSlots(api, id, signal),
        evaluatorApi.currentFinalists(api, id, signal),
      ]);
      return { slots, finalists: new Map(finalists.finalists.map((f) => [f.proposalId, f])) };
    },
  );
  const now = new Date();
  const editions = choice.editions.data?.editions ?? [];
  const slots: readonly InterviewSlot[] = schedule.data?.slots ?? [];
  const rows = scheduleRows(slots, includeFree);

  return (
    <section>
      <h1>{t.interviewsTitle}</h1>
      {!isPanelist ? (
        <Alert tone="info">
          <p>{t.interviewsEvaluatorOnly}</p>
        </Alert>
      ) : (
        <>
          <div className="toolbar">
            {editions.length > 0 ? (
              <EditionSelect
                label={t.edition}
                editions={editions}
                value={choice.editionId}
                onChange={choice.choose}
              />
            ) : null}
            <ZoneSelect label={t.zone} zone={zone} onChange={setZone} />
            <Checkbox
              label={t.showFree}
              checked={includeFree}
              onChange={(event) => setIncludeFree(event.target.checked)}
            />
          </div>
          {choice.editions.error ? <ErrorAlert error={choice.editions.error} /> : null}
          {schedule.error ? <ErrorAlert error={schedule.error} codes={codeMessages(t)} /> : null}
          {choice.editions.data && editions.length === 0 ? (
            <EmptyState title={t.noEditions} />
          ) : schedule.loading && !schedule.data ? (
            <Progress label={t.loading} />
          ) : schedule.data && slots.length === 0 ? (
            <EmptyState title={t.emptyInterviews} />
          ) : schedule.data ? (
            <>
              <BarChart
                title={t.interviewsPerDay}
                description={t.interviewsPerDayDesc}
                data={perDay(slots, zone, (slot) => slot.proposalId !== null).map((d) => ({
                  label: dayLabel(d.day, locale),
                  value: d.count,
                }))}
              />
              {rows.length === 0 ? (
                <EmptyState title={t.emptyInterviews} />
              ) : (
                <Table
                  caption={t.interviewsCaption}
                  columns={[
                    {
                      key: 'time',
                      header: t.colTime,
                      rowHeader: true,
                      cell: (slot) => (
                        <>
                          <DateTime value={slot.startsAt} zone={zone} />
                          <br />
                          <span className="field-hint">
                            {t.duration(slot.presentationMinutes, slot.interviewMinutes)}
                          </span>
                        </>
                      ),
                    },
                    { key: 'room', header: t.colRoom, cell: (slot) => t.room(slot.room) },
                    {
                      key: 'finalist',
                      header: t.colFinalist,
                      cell: (slot) => {
                        if (slot.proposalId === null) return t.slotFree;
                        const finalist = schedule.data?.finalists.get(slot.proposalId);
                        return finalist
                          ? `${finalist.title}${finalist.institutionName ? ` — ${finalist.institutionName}` : ''}`
                          : t.slotUnknownFinalist;
                      },
                    },
                    {
                      key: 'confirmation',
                      header: t.colConfirmation,
                      cell: (slot) => {
                        const standing = slotStanding(slot, now);
                        return (
                          <span className={standing === 'at-risk' ? 'tag tag-warning' : 'tag'}>
                            {standingText(t, standing)}
                          </span>
                        );
                      },
                    },
                  ]}
                  rows={rows}
                  rowKey={(slot) => slot.slotId}
                />
              )}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
