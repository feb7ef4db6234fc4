import { TIME_ZONES, type TimeZone } from '@kipp/contracts';
import { useState } from 'react';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { useI18n, useMessages } from '../../../i18n';
import { ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { browserZone, formatDateTime } from '../../../ui/date-time';
import { Dialog } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { Checkbox, Field, Select } from '../../../ui/field';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { ActionOutcome } from '../shared/action-outcome';
import { EditionSubpageHeader, useEditionSubpage } from '../shared/edition-subpage';
import { adminMessages } from '../shared/messages';
import { evaluationApi, interviewApi } from './evaluation-api';
import { checkDays, slotState, type InterviewDay, type InterviewSlot } from './interview-logic';
import { interviewMessages } from './interview-messages';
import { useProposalDirectory } from './proposal-titles';

const emptyDay = (zone: TimeZone): InterviewDay => ({
  date: '',
  start: '08:00',
  end: '16:00',
  timeZone: zone,
});

function GenerateForm({ editionId, onDone }: { editionId: string; onDone: () => void }) {
  const t = useMessages(interviewMessages);
  const api = useApi();
  const action = useAction();
  const [days, setDays] = useState<InterviewDay[]>(() => [emptyDay(browserZone())]);
  const [rooms, setRooms] = useState(1);
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { valid, invalid } = checkDays(days);
  const setDay = (index: number, patch: Partial<InterviewDay>) =>
    setDays((current) => current.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        setNotice(null);
        if (invalid.length > 0) return;
        void action.run(async () => {
          const slots = await interviewApi.generate(api, editionId, valid, rooms);
          setNotice(t.generated(slots.length));
          onDone();
        });
      }}
    >
      <h2>{t.generateTitle}</h2>
      <p>{t.generateHint}</p>
      {days.map((day, index) => {
        const n = index + 1;
        const error = checked && invalid.includes(index) ? t.dayInvalid : undefined;
        return (
          <fieldset key={index}>
            <legend>{t.dayLegend(n)}</legend>
            <Field
              label={t.date(n)}
              type="date"
              value={day.date}
              error={error}
              onChange={(e) => setDay(index, { date: e.target.value })}
            />
            <Field
              label={t.start(n)}
              type="time"
              value={day.start}
              onChange={(e) => setDay(index, { start: e.target.value })}
            />
            <Field
              label={t.end(n)}
              type="time"
              value={day.end}
              onChange={(e) => setDay(index, { end: e.target.value })}
            />
            <Select
              label={t.zone(n)}
              value={day.timeZone}
              options={TIME_ZONES.map((z) => ({ value: z, label: z }))}
              onChange={(e) =>
                setDay(index, {
                  timeZone: TIME_ZONES.find((z) => z === e.target.value) ?? day.timeZone,
                })
              }
            />
            <Button
              variant="secondary"
              disabled={days.length <= 1}
              onClick={() => setDays((current) => current.filter((_, i) => i !== index))}
            >
              {t.removeDay(n)}
            </Button>
          </fieldset>
        );
      })}
      <Button
        variant="secondary"
        onClick={() =>
          setDays((current) => [
            ...current,
            emptyDay(current[current.length - 1]?.timeZone ?? 'WIB'),
          ])
        }
      >
        {t.addDay}
      </Button>
      <Field
        label={t.rooms}
        type="number"
        min={1}
        max={20}
        value={String(rooms)}
        onChange={(e) => setRooms(Math.max(1, Math.min(20, Number(e.target.value) || 1)))}
      />
      <ActionOutcome
        action={action}
        notice={notice}
        progress={t.generate}
        codes={codeMessages(t)}
      />
      <div className="form-actions">
        <Button type="submit" busy={action.busy}>
          {t.generate}
        </Button>
      </div>
    </form>
  );
}

type Change = { kind: 'book' | 'swap'; slot: InterviewSlot } | null;

/** Interview scheduling: create sessions, fill, swap or free them, and see confirmations at risk. */
export default function InterviewsPage() {
  const t = useMessages(interviewMessages);
  const common = useMessages(adminMessages);
  const { locale } = useI18n();
  const api = useApi();
  const { editionId, title } = useEditionSubpage(t.title);
  const directory = useProposalDirectory(editionId);
  const [zone] = useState<TimeZone>(() => browserZone());
  const [atRisk, setAtRisk] = useState(false);
  const [generation, setGeneration] = useState(0);
  const slots = useApiQuery(`slots:${editionId}:${atRisk}:${generation}`, (client, signal) =>
    interviewApi.list(client, editionId, atRisk, signal),
  );
  const finalists = useApiQuery(`finalists:${editionId}`, (client, signal) =>
    evaluationApi.publication(client, editionId, 'finalists', signal),
  );
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [change, setChange] = useState<Change>(null);
  const [choice, setChoice] = useState('');
  const now = new Date();
  const timeOf = (slot: InterviewSlot) => formatDateTime(slot.startsAt, locale, zone);
  const titleOf = (id: string) => directory.get(id)?.title ?? id;
  const rows = slots.data ?? [];
  const booked = new Set(rows.map((s) => s.proposalId).filter((id): id is string => id !== null));
  const unbooked = (finalists.data?.entries ?? []).filter(
    (e) => e.advanced && !booked.has(e.proposalId),
  );
  const refresh = () => setGeneration((g) => g + 1);
  const apply = (work: () => Promise<unknown>) => {
    setNotice(null);
    void action.run(async () => {
      await work();
      setChange(null);
      setChoice('');
      setNotice(t.saved);
      refresh();
    });
  };

  return (
    <section>
      <EditionSubpageHeader editionId={editionId} title={title} />
      <GenerateForm editionId={editionId} onDone={refresh} />
      <h2>{t.scheduleTitle}</h2>
      <Checkbox
        label={t.atRiskOnly}
        checked={atRisk}
        onChange={(e) => setAtRisk(e.target.checked)}
      />
      <ActionOutcome action={action} notice={notice} codes={codeMessages(t)} />
      {slots.error ? <ErrorAlert error={slots.error} codes={codeMessages(t)} /> : null}
      {slots.loading && !slots.data ? (
        <Progress label={common.loading} />
      ) : rows.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <Table
          caption={t.caption}
          rows={rows}
          rowKey={(s) => s.slotId}
          columns={[
            { key: 'time', header: t.colTime, rowHeader: true, cell: (s) => timeOf(s) },
            { key: 'room', header: t.colRoom, numeric: true, cell: (s) => s.room },
            {
              key: 'finalist',
              header: t.colFinalist,
              cell: (s) => (s.proposalId ? titleOf(s.proposalId) : '–'),
            },
            {
              key: 'state',
              header: t.colState,
              cell: (s) => {
                const state = slotState(s, now);
                return (
                  <span className={state === 'at-risk' ? 'tag tag-warning' : 'tag'}>
                    {t[`state_${state}`]}
                    {state === 'awaiting' && s.confirmBy
                      ? ` (${t.confirmBy} ${formatDateTime(s.confirmBy, locale, zone)})`
                      : ''}
                  </span>
                );
              },
            },
            {
              key: 'actions',
              header: '',
              cell: (s) => (
                <div className="toolbar">
                  {s.proposalId ? (
                    <>
                      <Button
                        variant="secondary"
                        onClick={() => setChange({ kind: 'swap', slot: s })}
                      >
                        {t.swap(timeOf(s))}
                      </Button>
                      <Button
                        variant="secondary"
                        busy={action.busy}
                        onClick={() => apply(() => interviewApi.release(api, s.slotId))}
                      >
                        {t.release(timeOf(s))}
                      </Button>
                    </>
                  ) : (
                    <Button
                      variant="secondary"
                      disabled={unbooked.length === 0}
                      onClick={() => setChange({ kind: 'book', slot: s })}
                    >
                      {t.book(timeOf(s))}
                    </Button>
                  )}
                </div>
              ),
            },
          ]}
        />
      )}
      {change ? (
        <Dialog
          open
          title={
            change.kind === 'book'
              ? t.bookTitle(timeOf(change.slot))
              : t.swapTitle(timeOf(change.slot))
          }
          onClose={() => setChange(null)}
          footer={
            <>
              <Button variant="secondary" onClick={() => setChange(null)}>
                {t.cancel}
              </Button>
              <Button
                busy={action.busy}
                disabled={choice === ''}
                onClick={() =>
                  apply(() =>
                    change.kind === 'book'
                      ? interviewApi.book(api, change.slot.slotId, choice)
                      : interviewApi.swap(api, change.slot.slotId, choice),
                  )
                }
              >
                {t.confirm}
              </Button>
            </>
          }
        >
          {change.kind === 'book' ? (
            <Select
              label={t.finalist}
              value={choice}
              placeholder={t.chooseFinalist}
              options={unbooked.map((e) => ({ value: e.proposalId, label: titleOf(e.proposalId) }))}
              onChange={(e) => setChoice(e.target.value)}
            />
          ) : (
            <Select
              label={t.otherSlot}
              value={choice}
              placeholder={t.chooseSlot}
              options={rows
                .filter((s) => s.slotId !== change.slot.slotId)
                .map((s) => ({
                  value: s.slotId,
                  label: `${timeOf(s)} · ${s.proposalId ? titleOf(s.proposalId) : t.state_free}`,
                }))}
              onChange={(e) => setChoice(e.target.value)}
            />
          )}
          <ActionOutcome action={action} notice={null} codes={codeMessages(t)} />
        </Dialog>
      ) : null}
    </section>
  );
}
