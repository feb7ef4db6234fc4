import { useEffect, useState } from 'react';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { usePageTitle } from '../../../app/page-title';
import { useMessages } from '../../../i18n';
import { ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { BarChart } from '../../../ui/charts/bar-chart';
import { DateTime } from '../../../ui/date-time';
import { EmptyState } from '../../../ui/empty-state';
import { Field, Select } from '../../../ui/field';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { ActionOutcome } from '../shared/action-outcome';
import { adminMessages } from '../shared/messages';
import {
  canResend,
  deliveryApi,
  DELIVERY_STATUSES,
  NO_FILTERS,
  type Delivery,
  type DeliveryFilters,
} from './delivery-api';
import { deliveryMessages } from './messages';

/** Every message the platform sent or tried to send, filtered, with "send again" for failed mail. */
export default function DeliveriesPage() {
  const t = useMessages(deliveryMessages);
  const common = useMessages(adminMessages);
  usePageTitle(t.title);
  const api = useApi();
  const [form, setForm] = useState<DeliveryFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<DeliveryFilters>(NO_FILTERS);
  const [generation, setGeneration] = useState(0);
  const key = `${JSON.stringify(filters)}:${generation}`;
  const summary = useApiQuery(`delivery-summary:${key}`, (client, signal) =>
    deliveryApi.summary(client, filters, signal),
  );
  const list = useApiQuery(`deliveries:${key}`, (client, signal) =>
    deliveryApi.list(client, filters, null, signal),
  );
  const [more, setMore] = useState<Delivery[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [replaced, setReplaced] = useState<Readonly<Record<string, Delivery>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  useEffect(() => {
    setMore([]);
    setCursor(list.data?.nextCursor ?? null);
  }, [list.data]);
  const rows = [...(list.data?.items ?? []), ...more].map((d) => replaced[d.id] ?? d);
  const who = (d: Delivery) => d.recipient.email ?? d.recipient.accountId ?? '–';
  const set = (patch: Partial<DeliveryFilters>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <section>
      <h1>{t.title}</h1>
      <form
        className="toolbar"
        aria-label={t.filters}
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(form);
        }}
      >
        <Select
          label={t.status}
          value={form.status}
          placeholder={t.any}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t[`status_${s}`] }))}
          onChange={(e) =>
            set({ status: DELIVERY_STATUSES.find((s) => s === e.target.value) ?? '' })
          }
        />
        <Select
          label={t.channel}
          value={form.channel}
          placeholder={t.any}
          options={[
            { value: 'email', label: t.channel_email },
            { value: 'inbox', label: t.channel_inbox },
          ]}
          onChange={(e) =>
            set({
              channel:
                e.target.value === 'email' || e.target.value === 'inbox' ? e.target.value : '',
            })
          }
        />
        <Field
          label={t.template}
          value={form.template}
          onChange={(e) => set({ template: e.target.value })}
        />
        <Field
          label={t.email}
          type="email"
          value={form.email}
          onChange={(e) => set({ email: e.target.value })}
        />
        <Field
          label={t.from}
          type="date"
          value={form.from}
          onChange={(e) => set({ from: e.target.value })}
        />
        <Field
          label={t.to}
          type="date"
          value={form.to}
          onChange={(e) => set({ to: e.target.value })}
        />
        <Button type="submit">{t.apply}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setForm(NO_FILTERS);
            setFilters(NO_FILTERS);
          }}
        >
          {t.reset}
        </Button>
      </form>
      {summary.data ? (
        <BarChart
          title={t.summaryTitle}
          description={t.summaryDesc(summary.data.total)}
          valueLabel={t.colStatus}
          data={DELIVERY_STATUSES.filter((s) => (summary.data?.byStatus[s] ?? 0) > 0).map((s) => ({
            label: t[`status_${s}`],
            value: summary.data?.byStatus[s] ?? 0,
          }))}
        />
      ) : null}
      <ActionOutcome action={action} notice={notice} codes={codeMessages(t)} />
      {list.error ? <ErrorAlert error={list.error} codes={codeMessages(t)} /> : null}
      {summary.error ? <ErrorAlert error={summary.error} codes={codeMessages(t)} /> : null}
      {list.loading && !list.data ? (
        <Progress label={common.loading} />
      ) : rows.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <Table
          caption={t.caption}
          rows={rows}
          rowKey={(d) => d.id}
          columns={[
            { key: 'created', header: t.colCreated, cell: (d) => <DateTime value={d.createdAt} /> },
            { key: 'recipient', header: t.colRecipient, rowHeader: true, cell: who },
            { key: 'template', header: t.colTemplate, cell: (d) => d.template },
            { key: 'channel', header: t.colChannel, cell: (d) => t[`channel_${d.channel}`] },
            { key: 'status', header: t.colStatus, cell: (d) => t[`status_${d.status}`] },
            { key: 'attempts', header: t.colAttempts, numeric: true, cell: (d) => d.attempts },
            { key: 'error', header: t.colError, cell: (d) => d.lastError ?? '–' },
            {
              key: 'resend',
              header: '',
              cell: (d) =>
                canResend(d) ? (
                  <Button
                    variant="secondary"
                    busy={action.busy}
                    onClick={() => {
                      setNotice(null);
                      void action.run(async () => {
                        const next = await deliveryApi.resend(api, d.id);
                        setReplaced((current) => ({ ...current, [d.id]: { ...d, ...next } }));
                        setNotice(t.resent(who(d)));
                        setGeneration((g) => g + 1);
                      });
                    }}
                  >
                    {t.resend(who(d))}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {cursor ? (
        <Button
          variant="secondary"
          busy={action.busy}
          onClick={() =>
            void action.run(async () => {
              const page = await deliveryApi.list(api, filters, cursor);
              setMore((current) => [...current, ...page.items]);
              setCursor(page.nextCursor);
            })
          }
        >
          {t.loadMore}
        </Button>
      ) : null}
    </section>
  );
}
