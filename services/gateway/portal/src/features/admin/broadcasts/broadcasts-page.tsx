import { INSTITUTION_TYPES } from '@kipp/contracts';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { usePageTitle } from '../../../app/page-title';
import { authMessages } from '../../../auth/messages';
import { ALL_ROLES } from '../../../auth/roles';
import { useI18n, useMessages } from '../../../i18n';
import { ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { BarChart } from '../../../ui/charts/bar-chart';
import { DateTime } from '../../../ui/date-time';
import { Dialog } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { Checkbox, Field, Select, TextArea } from '../../../ui/field';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { editionApi } from '../editions/edition-api';
import { evaluationMessages } from '../evaluation/messages';
import { ActionOutcome } from '../shared/action-outcome';
import { adminMessages } from '../shared/messages';
import { acknowledgementsOf, broadcastApi, type Broadcast } from './broadcast-api';
import {
  bodyOf,
  checkDraft,
  EMPTY_DRAFT,
  fanOutProgress,
  keyFor,
  type BroadcastDraft,
  type SendKey,
} from './broadcast-form';
import { broadcastMessages } from './messages';

/** How often a broadcast still fanning out is looked at again. */
const POLL_MS = 2000;

function Compose({ onSent }: { onSent: (broadcastId: string) => void }) {
  const t = useMessages(broadcastMessages);
  const roles = useMessages(authMessages);
  const evaluation = useMessages(evaluationMessages);
  const api = useApi();
  const action = useAction();
  const editions = useApiQuery('editions', (client, signal) => editionApi.list(client, signal));
  const [draft, setDraft] = useState<BroadcastDraft>(EMPTY_DRAFT);
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const sendKey = useRef<SendKey | null>(null);
  const problems = checked ? checkDraft(draft) : {};
  const problem = (field: keyof typeof problems) => {
    const p = problems[field];
    return p ? t[p] : undefined;
  };
  const set = (patch: Partial<BroadcastDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggle = <T extends string>(list: readonly T[], value: T, on: boolean): T[] =>
    on ? [...list, value] : list.filter((v) => v !== value);
  const texts: Readonly<Record<string, unknown>> = evaluation;
  const editionOptions = (editions.data?.editions ?? [])
    .filter((e) => e.status === 'published')
    .map((e) => ({ value: e.editionId, label: e.configuration.name }));

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        setNotice(null);
        if (Object.keys(checkDraft(draft)).length > 0) return;
        const body = bodyOf(draft);
        sendKey.current = keyFor(sendKey.current, body, () => globalThis.crypto.randomUUID());
        const key = sendKey.current.key;
        void action.run(async () => {
          const sent = await broadcastApi.send(api, body, key);
          setNotice(t.sent(sent.recipientCount));
          setDraft(EMPTY_DRAFT);
          setChecked(false);
          sendKey.current = null;
          onSent(sent.broadcastId);
        });
      }}
    >
      <h2>{t.composeTitle}</h2>
      <Field
        label={t.subjectId}
        lang="id"
        required
        maxLength={200}
        value={draft.subjectId}
        error={problem('subjectId')}
        onChange={(e) => set({ subjectId: e.target.value })}
      />
      <Field
        label={t.subjectEn}
        lang="en"
        required
        maxLength={200}
        value={draft.subjectEn}
        error={problem('subjectEn')}
        onChange={(e) => set({ subjectEn: e.target.value })}
      />
      <TextArea
        label={t.bodyId}
        hint={t.bodyHint}
        lang="id"
        required
        maxLength={10_000}
        value={draft.bodyId}
        error={problem('bodyId')}
        onChange={(e) => set({ bodyId: e.target.value })}
      />
      <TextArea
        label={t.bodyEn}
        hint={t.bodyHint}
        lang="en"
        required
        maxLength={10_000}
        value={draft.bodyEn}
        error={problem('bodyEn')}
        onChange={(e) => set({ bodyEn: e.target.value })}
      />
      <fieldset aria-describedby="broadcast-audience-hint">
        <legend>{t.audienceLegend}</legend>
        <p id="broadcast-audience-hint" className="field-hint">
          {t.audienceHint}
        </p>
        {problem('audience') ? <p className="field-error">{problem('audience')}</p> : null}
        <fieldset>
          <legend>{t.rolesLegend}</legend>
          {ALL_ROLES.map((role) => (
            <Checkbox
              key={role}
              label={roles[role]}
              checked={draft.roles.includes(role)}
              onChange={(e) => set({ roles: toggle(draft.roles, role, e.target.checked) })}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.typesLegend}</legend>
          {INSTITUTION_TYPES.map((type) => {
            const label = texts[`type_${type}`];
            return (
              <Checkbox
                key={type}
                label={typeof label === 'string' ? label : type}
                checked={draft.institutionTypes.includes(type)}
                onChange={(e) =>
                  set({ institutionTypes: toggle(draft.institutionTypes, type, e.target.checked) })
                }
              />
            );
          })}
        </fieldset>
        <Field
          label={t.provinceCodes}
          hint={t.provinceCodesHint}
          inputMode="numeric"
          value={draft.provinceCodes}
          error={problem('provinceCodes')}
          onChange={(e) => set({ provinceCodes: e.target.value })}
        />
        <Select
          label={t.finalistsOf}
          value={draft.finalistsOf}
          placeholder={t.noEdition}
          options={editionOptions}
          onChange={(e) => set({ finalistsOf: e.target.value })}
        />
        <Select
          label={t.evaluatorsNotFinishedIn}
          value={draft.evaluatorsNotFinishedIn}
          placeholder={t.noEdition}
          options={editionOptions}
          onChange={(e) => set({ evaluatorsNotFinishedIn: e.target.value })}
        />
      </fieldset>
      <Checkbox
        label={t.mandatory}
        checked={draft.mandatory}
        onChange={(e) => set({ mandatory: e.target.checked })}
      />
      <Checkbox
        label={t.requiresAck}
        checked={draft.requiresAck}
        onChange={(e) => set({ requiresAck: e.target.checked })}
      />
      <ActionOutcome action={action} notice={notice} codes={codeMessages(t)} />
      <div className="form-actions">
        <Button type="submit" busy={action.busy}>
          {t.send}
        </Button>
      </div>
    </form>
  );
}

/** A broadcast still fanning out, looked at again until it is done; its email delivery as a chart. */
function Delivery({ broadcastId, onDone }: { broadcastId: string; onDone: () => void }) {
  const t = useMessages(broadcastMessages);
  const { locale } = useI18n();
  const common = useMessages(adminMessages);
  const query = useApiQuery(`broadcast:${broadcastId}`, (api, signal) =>
    broadcastApi.get(api, broadcastId, signal),
  );
  const { data, reload } = query;
  const running = data?.status === 'fanning-out';
  // The parent hears of the end once: its refresh re-renders this with a new callback.
  const reportedDone = useRef(false);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  useEffect(() => {
    if (!data) return;
    if (!running) {
      if (!reportedDone.current) {
        reportedDone.current = true;
        onDoneRef.current();
      }
      return;
    }
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [data, running, reload]);
  if (query.error) return <ErrorAlert error={query.error} codes={codeMessages(t)} />;
  if (!data) return <Progress label={common.loading} />;
  const progress = fanOutProgress(data);
  const subject = data.subject[locale];
  const email = Object.entries(data.delivery.email ?? {}).map(([label, value]) => ({
    label,
    value,
  }));
  return (
    <section className="panel" aria-label={t.progress(subject)}>
      <Progress
        label={t.progress(subject)}
        value={progress.done}
        max={Math.max(1, progress.total)}
      />
      {email.length > 0 ? (
        <BarChart
          title={t.deliveryTitle(subject)}
          description={t.deliveryDesc}
          valueLabel={t.emailStatus}
          data={email}
        />
      ) : null}
    </section>
  );
}

function AcknowledgementDialog({
  broadcast,
  onClose,
}: {
  broadcast: Broadcast;
  onClose: () => void;
}) {
  const t = useMessages(broadcastMessages);
  const common = useMessages(adminMessages);
  const query = useApiQuery(`acks:${broadcast.broadcastId}`, (api, signal) =>
    acknowledgementsOf(api, broadcast.broadcastId, signal),
  );
  return (
    <Dialog open title={t.ackTitle} onClose={onClose}>
      {query.error ? <ErrorAlert error={query.error} codes={codeMessages(t)} /> : null}
      {!query.data ? (
        query.error ? null : (
          <Progress label={common.loading} />
        )
      ) : (
        <>
          <p role="status">
            {t.ackCounts(query.data.counts.acknowledged, query.data.counts.recipients)}
          </p>
          {query.data.recipients.length === 0 ? (
            <p>{t.ackEmpty}</p>
          ) : (
            <Table
              caption={t.ackCaption}
              rows={query.data.recipients}
              rowKey={(r) => r.accountId}
              columns={[
                { key: 'name', header: t.colName, rowHeader: true, cell: (r) => r.name },
                { key: 'email', header: t.colEmail, cell: (r) => r.email },
                {
                  key: 'read',
                  header: t.colRead,
                  cell: (r) => (r.readAt ? <DateTime value={r.readAt} /> : '–'),
                },
              ]}
            />
          )}
        </>
      )}
    </Dialog>
  );
}

/** Announcements: compose one in both languages for a chosen audience, follow its delivery. */
export default function BroadcastsPage() {
  const t = useMessages(broadcastMessages);
  const common = useMessages(adminMessages);
  const { locale } = useI18n();
  usePageTitle(t.title);
  const api = useApi();
  const [generation, setGeneration] = useState(0);
  const list = useApiQuery(`broadcasts:${generation}`, (client, signal) =>
    broadcastApi.list(client, null, signal),
  );
  const [more, setMore] = useState<Broadcast[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [following, setFollowing] = useState<string | null>(null);
  const [acks, setAcks] = useState<Broadcast | null>(null);
  const loadMore = useAction();
  useEffect(() => {
    setMore([]);
    setCursor(list.data?.nextCursor ?? null);
  }, [list.data]);
  const rows = [...(list.data?.broadcasts ?? []), ...more];
  const refresh = () => setGeneration((g) => g + 1);

  return (
    <section>
      <h1>{t.title}</h1>
      <Compose
        onSent={(id) => {
          setFollowing(id);
          refresh();
        }}
      />
      {following ? <Delivery key={following} broadcastId={following} onDone={refresh} /> : null}
      {list.error ? <ErrorAlert error={list.error} codes={codeMessages(t)} /> : null}
      {list.loading && !list.data ? (
        <Progress label={common.loading} />
      ) : rows.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <Table
          caption={t.listCaption}
          rows={rows}
          rowKey={(b) => b.broadcastId}
          columns={[
            {
              key: 'subject',
              header: t.colSubject,
              rowHeader: true,
              cell: (b) => <span lang={locale}>{b.subject[locale]}</span>,
            },
            { key: 'sent', header: t.colSent, cell: (b) => <DateTime value={b.createdAt} /> },
            {
              key: 'recipients',
              header: t.colRecipients,
              numeric: true,
              cell: (b) => b.recipientCount,
            },
            {
              key: 'status',
              header: t.colStatus,
              cell: (b) =>
                b.status === 'done' ? (
                  t.status_done
                ) : (
                  <Button variant="link" onClick={() => setFollowing(b.broadcastId)}>
                    {t.status_fanningOut}
                  </Button>
                ),
            },
            {
              key: 'ack',
              header: t.colAck,
              cell: (b) =>
                b.requiresAck ? (
                  <Button variant="link" onClick={() => setAcks(b)}>
                    {t.ackLink}
                  </Button>
                ) : (
                  '–'
                ),
            },
          ]}
        />
      )}
      {cursor ? (
        <Button
          variant="secondary"
          busy={loadMore.busy}
          onClick={() =>
            void loadMore.run(async () => {
              const page = await broadcastApi.list(api, cursor);
              setMore((current) => [...current, ...page.broadcasts]);
              setCursor(page.nextCursor);
            })
          }
        >
          {t.loadMore}
        </Button>
      ) : null}
      {loadMore.error ? <ErrorAlert error={loadMore.error} codes={codeMessages(t)} /> : null}
      {acks ? <AcknowledgementDialog broadcast={acks} onClose={() => setAcks(null)} /> : null}
    </section>
  );
}
