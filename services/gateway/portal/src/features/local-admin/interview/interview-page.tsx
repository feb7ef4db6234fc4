import type { TimeZone } from '@kipp/contracts';
import { useState } from 'react';
import { codeMessages } from '../../../api/code-messages';
import { useApi } from '../../../api/api-context';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { usePageTitle } from '../../../app/page-title';
import { useSession } from '../../../auth/session-context';
import { useI18n, useMessages, type Locale } from '../../../i18n';
import { Alert, ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { BarChart } from '../../../ui/charts/bar-chart';
import { DateTime, formatDateTime } from '../../../ui/date-time';
import { Dialog } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { Select } from '../../../ui/field';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { evaluatorApi, type InterviewSlot } from '../../evaluator/evaluator-api';
import { dayLabel, perDay } from '../../evaluator/interview-schedule';
import { EditionSelect, useEditionChoice, useZone, ZoneSelect } from '../../evaluator/shared';
import { canConfirm, finalistBookings, openSlots, type FinalistBooking } from './finalist-bookings';
import { interviewApi } from './interview-api';
import { interviewMessages } from './messages';

type Text = (typeof interviewMessages)['id'];

function slotText(t: Text, slot: InterviewSlot, locale: Locale, zone: TimeZone): string {
  return t.slotOption(formatDateTime(slot.startsAt, locale, zone), t.room(slot.room));
}

function statusText(t: Text, booking: FinalistBooking): string {
  switch (booking.standing) {
    case 'none':
      return t.status_none;
    case 'awaiting':
      return t.status_awaiting;
    case 'confirmed':
      return t.status_confirmed;
    case 'at-risk':
      return t['status_at-risk'];
    case 'free':
      return t.status_free;
  }
}

/** One finalist's row of actions: book or move into a free slot, confirm, release. */
function BookingActions({
  booking,
  free,
  onDone,
  onRelease,
}: {
  booking: FinalistBooking;
  free: readonly InterviewSlot[];
  onDone: (notice: string) => void;
  onRelease: (booking: FinalistBooking) => void;
}) {
  const t = useMessages(interviewMessages);
  const { locale } = useI18n();
  const [zone] = useZone();
  const api = useApi();
  const action = useAction();
  const [chosen, setChosen] = useState('');
  const [missing, setMissing] = useState(false);
  const title = booking.title ?? t.untitled(booking.proposalId);
  const slot = booking.slot;
  const now = new Date();

  const place = async () => {
    if (!chosen) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const ok = await action.run(async () => {
      if (slot) await interviewApi.move(api, slot.slotId, chosen);
      else await interviewApi.book(api, chosen, booking.proposalId);
    });
    if (ok) {
      setChosen('');
      onDone(slot ? t.moved(title) : t.booked(title));
    }
  };

  const confirm = async () => {
    if (!slot) return;
    const ok = await action.run(async () => {
      await interviewApi.confirm(api, slot.slotId);
    });
    if (ok) onDone(t.confirmed(title));
  };

  return (
    <div className="form">
      {free.length > 0 && booking.standing !== 'confirmed' ? (
        <div className="toolbar">
          <Select
            label={t.chooseSlot(title)}
            value={chosen}
            placeholder={t.chooseSlotPlaceholder}
            error={missing ? t.slotRequired : undefined}
            onChange={(event) => setChosen(event.target.value)}
            options={free.map((s) => ({ value: s.slotId, label: slotText(t, s, locale, zone) }))}
          />
          <Button
            variant="secondary"
            busy={action.busy}
            aria-label={slot ? t.move(title) : t.book(title)}
            onClick={() => void place()}
          >
            {slot ? t.moveShort : t.bookShort}
          </Button>
        </div>
      ) : null}
      <div className="toolbar">
        {canConfirm(booking, now) ? (
          <Button busy={action.busy} aria-label={t.confirm(title)} onClick={() => void confirm()}>
            {t.confirmShort}
          </Button>
        ) : null}
        {slot ? (
          <Button
            variant="danger"
            disabled={action.busy}
            aria-label={t.release(title)}
            onClick={() => onRelease(booking)}
          >
            {t.releaseShort}
          </Button>
        ) : null}
      </div>
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
    </div>
  );
}

/** The local admin books, moves, confirms and releases interview sessions for their finalists. */
export default function LocalAdminInterviewPage() {
  const t = useMessages(interviewMessages);
  const { locale } = useI18n();
  usePageTitle(t.title);
  const api = useApi();
  const session = useSession();
  const institutionId = session.status === 'signed-in' ? session.user.institutionId : null;
  const choice = useEditionChoice();
  const [zone, setZone] = useZone();
  const [notice, setNotice] = useState<string | null>(null);
  const [releasing, setReleasing] = useState<FinalistBooking | null>(null);
  const release = useAction();
  const editionId = choice.editionId;
  const data = useApiQuery(
    editionId && institutionId ? `local-interview:${institutionId}:${editionId}` : null,
    async (client, signal) => {
      const [results, slots] = await Promise.all([
        interviewApi.results(client, institutionId ?? '', editionId ?? '', signal),
        evaluatorApi.interviewSlots(client, editionId ?? '', signal),
      ]);
      return { results, slots };
    },
  );
  const now = new Date();
  const editions = choice.editions.data?.editions ?? [];
  const bookings = data.data ? finalistBookings(data.data.results, data.data.slots, now) : [];
  const free = data.data ? openSlots(data.data.slots, now) : [];
  const freePerDay = perDay(free, zone);

  const done = (text: string) => {
    setNotice(text);
    data.reload();
  };

  const confirmRelease = async () => {
    const slot = releasing?.slot;
    if (!releasing || !slot) return;
    const title = releasing.title ?? t.untitled(releasing.proposalId);
    const ok = await release.run(async () => {
      await interviewApi.release(api, slot.slotId);
    });
    if (ok) {
      setReleasing(null);
      done(t.released(title));
    }
  };

  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <div className="toolbar">
        {editions.length > 0 ? (
          <EditionSelect
            label={t.edition}
            editions={editions}
            value={editionId}
            onChange={choice.choose}
          />
        ) : null}
        <ZoneSelect label={t.zone} zone={zone} onChange={setZone} />
      </div>
      {notice ? (
        <Alert tone="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {!institutionId ? (
        <Alert tone="warning">
          <p>{t.noInstitution}</p>
        </Alert>
      ) : null}
      {choice.editions.error ? <ErrorAlert error={choice.editions.error} /> : null}
      {data.error ? <ErrorAlert error={data.error} codes={codeMessages(t)} /> : null}
      {choice.editions.data && editions.length === 0 ? (
        <EmptyState title={t.noEditions} />
      ) : data.loading && !data.data ? (
        <Progress label={t.loading} />
      ) : data.data && bookings.length === 0 ? (
        <EmptyState title={t.noFinalists} />
      ) : data.data ? (
        <>
          {data.data.slots.length === 0 ? <EmptyState title={t.noSlots} /> : null}
          <Table
            caption={t.finalistsCaption}
            columns={[
              {
                key: 'finalist',
                header: t.colFinalist,
                rowHeader: true,
                cell: (b) => b.title ?? t.untitled(b.proposalId),
              },
              {
                key: 'session',
                header: t.colSession,
                cell: (b) =>
                  b.slot ? (
                    <>
                      <DateTime value={b.slot.startsAt} zone={zone} />
                      <br />
                      {t.room(b.slot.room)}
                    </>
                  ) : (
                    t.noSlot
                  ),
              },
              {
                key: 'status',
                header: t.colStatus,
                cell: (b) => (
                  <>
                    <span
                      className={
                        b.standing === 'at-risk' || b.standing === 'none'
                          ? 'tag tag-warning'
                          : 'tag'
                      }
                    >
                      {statusText(t, b)}
                    </span>
                    {b.slot?.confirmBy && b.standing === 'awaiting' ? (
                      <p className="field-hint">
                        {t.confirmBy(formatDateTime(b.slot.confirmBy, locale, zone))}
                      </p>
                    ) : null}
                  </>
                ),
              },
              {
                key: 'actions',
                header: t.colActions,
                cell: (b) => (
                  <BookingActions booking={b} free={free} onDone={done} onRelease={setReleasing} />
                ),
              },
            ]}
            rows={bookings}
            rowKey={(b) => b.proposalId}
          />
          {freePerDay.length > 0 ? (
            <BarChart
              title={t.freeChart}
              description={t.freeChartDesc}
              data={freePerDay.map((d) => ({ label: dayLabel(d.day, locale), value: d.count }))}
            />
          ) : null}
        </>
      ) : null}
      <Dialog
        open={releasing !== null}
        title={t.releaseTitle}
        onClose={() => setReleasing(null)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setReleasing(null)}>
              {t.cancel}
            </Button>
            <Button variant="danger" busy={release.busy} onClick={() => void confirmRelease()}>
              {t.releaseConfirm}
            </Button>
          </>
        }
      >
        <p>{t.releaseBody(releasing?.title ?? t.untitled(releasing?.proposalId ?? ''))}</p>
        {release.error ? <ErrorAlert error={release.error} codes={codeMessages(t)} /> : null}
      </Dialog>
    </section>
  );
}
