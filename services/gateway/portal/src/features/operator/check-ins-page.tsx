import { codeMessages } from '../../api/code-messages';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { DateTime } from '../../ui/date-time';
import { EmptyState } from '../../ui/empty-state';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { afterAwardMessages } from './after-award-messages';
import { OperatorNav } from './operator-nav';
import { replicationApi, type CheckIn } from './replication-api';

export const checkInPath = (checkIn: Pick<CheckIn, 'innovationId' | 'checkInId'>) =>
  `/innovations/${encodeURIComponent(checkIn.innovationId)}/check-ins/${encodeURIComponent(checkIn.checkInId)}`;

/** The institution's yearly sustainability check-ins, open and overdue first. */
export default function CheckInsPage() {
  const t = useMessages(afterAwardMessages);
  usePageTitle(t.checkInsTitle);
  const list = useApiQuery('check-ins', (api, signal) => replicationApi.checkIns(api, {}, signal));
  const order = { overdue: 0, open: 1, answered: 2 } as const;
  const items = [...(list.data?.checkIns ?? [])].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <section>
      <h1>{t.checkInsTitle}</h1>
      <OperatorNav />
      {list.error ? <ErrorAlert error={list.error} codes={codeMessages(t)} /> : null}
      {list.loading && !list.data ? (
        <Progress label={t.loading} />
      ) : items.length === 0 ? (
        <EmptyState title={t.noCheckIns} />
      ) : (
        <Table<CheckIn>
          caption={t.checkInsCaption}
          rows={items}
          rowKey={(row) => row.checkInId}
          columns={[
            {
              key: 'innovation',
              header: t.colInnovation,
              rowHeader: true,
              cell: (row) => <Link to={checkInPath(row)}>{row.innovationTitle}</Link>,
            },
            { key: 'period', header: t.colPeriod, numeric: true, cell: (row) => row.period },
            { key: 'due', header: t.colDue, cell: (row) => <DateTime value={row.dueAt} /> },
            {
              key: 'status',
              header: t.colStatus,
              cell: (row) => (
                <span
                  className={
                    row.status === 'overdue'
                      ? 'tag tag-strong'
                      : row.status === 'open'
                        ? 'tag tag-warning'
                        : 'tag'
                  }
                >
                  {t[`cstatus_${row.status}`]}
                </span>
              ),
            },
            {
              key: 'outcome',
              header: t.colOutcome,
              cell: (row) => (row.answer ? t[`outcome_${row.answer.outcome}`] : '—'),
            },
          ]}
        />
      )}
    </section>
  );
}
