import { useState } from 'react';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { usePageTitle } from '../../../app/page-title';
import { formatNumber, useI18n, useMessages } from '../../../i18n';
import { Alert, ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { DateTime } from '../../../ui/date-time';
import { Dialog } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { Select, TextArea } from '../../../ui/field';
import { Pagination } from '../../../ui/pagination';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { ActionOutcome } from '../shared/action-outcome';
import { DownloadButton } from '../shared/download-button';
import { adminMessages } from '../shared/messages';
import { registryMessages } from './messages';
import { OneTimePassword } from './one-time-password';
import { letterPath, registryApi, type LocalAdminRequest } from './registry-api';

const STATUSES = ['pending', 'approved', 'rejected'] as const;

function DecideDialog({
  request,
  onClose,
  onDecided,
}: {
  request: LocalAdminRequest;
  onClose: () => void;
  onDecided: (result: { password: string | null }) => void;
}) {
  const t = useMessages(registryMessages);
  const api = useApi();
  const action = useAction();
  const [decision, setDecision] = useState<'approved' | 'rejected'>('approved');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = decision === 'rejected' && reason.trim() === '';
  return (
    <Dialog
      open
      title={t.decideTitle(request.candidateName)}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button
            variant={decision === 'rejected' ? 'danger' : 'primary'}
            busy={action.busy}
            onClick={() => {
              setTouched(true);
              if (missing) return;
              void action.run(async () => {
                const result = await registryApi.decide(
                  api,
                  request.requestId,
                  decision,
                  reason.trim(),
                );
                onDecided({ password: result.initialPassword });
              });
            }}
          >
            {t.save}
          </Button>
        </>
      }
    >
      <Select
        label={t.decision}
        value={decision}
        options={[
          { value: 'approved', label: t.approve },
          { value: 'rejected', label: t.reject },
        ]}
        onChange={(e) => setDecision(e.target.value === 'rejected' ? 'rejected' : 'approved')}
      />
      <TextArea
        label={t.reason}
        value={reason}
        maxLength={1000}
        error={touched && missing ? t.reasonRequired : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      <ActionOutcome action={action} notice={null} codes={codeMessages(t)} />
    </Dialog>
  );
}

/** Requests for a local admin: the appointment letter, then approve (an account) or reject. */
export default function RequestsPage() {
  const t = useMessages(registryMessages);
  const common = useMessages(adminMessages);
  const { locale } = useI18n();
  usePageTitle(t.requestsTitle);
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('pending');
  const [page, setPage] = useState(1);
  const [generation, setGeneration] = useState(0);
  const list = useApiQuery(`requests:${status}:${page}:${generation}`, (client, signal) =>
    registryApi.requests(client, status, page, signal),
  );
  const [deciding, setDeciding] = useState<LocalAdminRequest | null>(null);
  const [outcome, setOutcome] = useState<{
    request: LocalAdminRequest;
    password: string | null;
  } | null>(null);
  const items = list.data?.items ?? [];
  return (
    <section>
      <h1>{t.requestsTitle}</h1>
      <Select
        label={t.requestStatus}
        value={status}
        options={STATUSES.map((s) => ({ value: s, label: t[`status_${s}`] }))}
        onChange={(e) => {
          setStatus(STATUSES.find((s) => s === e.target.value) ?? 'pending');
          setPage(1);
        }}
      />
      {outcome ? (
        outcome.password ? (
          <OneTimePassword
            title={t.approvedOnce(outcome.request.candidateUserId)}
            password={outcome.password}
          />
        ) : (
          <Alert tone="success">
            <p>{t.rejected}</p>
          </Alert>
        )
      ) : null}
      {list.error ? <ErrorAlert error={list.error} codes={codeMessages(t)} /> : null}
      {list.loading && !list.data ? (
        <Progress label={common.loading} />
      ) : items.length === 0 ? (
        <EmptyState title={t.noRequests} />
      ) : (
        <Table
          caption={t.requestsCaption}
          rows={items}
          rowKey={(r) => r.requestId}
          columns={[
            {
              key: 'candidate',
              header: t.colCandidate,
              rowHeader: true,
              cell: (r) => `${r.candidateName} (${r.candidateUserId}, ${r.candidateEmail})`,
            },
            { key: 'institution', header: t.colInstitution, cell: (r) => r.institutionId },
            { key: 'filed', header: t.colFiled, cell: (r) => <DateTime value={r.createdAt} /> },
            {
              key: 'letter',
              header: t.colLetter,
              cell: (r) => (
                <DownloadButton
                  path={letterPath(r.requestId)}
                  filename={r.letter.filename}
                  label={`${t.letter(r.candidateName)} (${formatNumber(locale, r.letter.sizeBytes / 1024, 0)} KB)`}
                  codes={codeMessages(t)}
                />
              ),
            },
            {
              key: 'decision',
              header: t.colDecision,
              cell: (r) =>
                r.status === 'pending' ? (
                  <Button variant="secondary" onClick={() => setDeciding(r)}>
                    {t.decide(r.candidateName)}
                  </Button>
                ) : (
                  `${t[`status_${r.status}`]}${r.decision?.reason ? ` — ${r.decision.reason}` : ''}`
                ),
            },
          ]}
        />
      )}
      {list.data ? (
        <Pagination
          page={page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPage={setPage}
        />
      ) : null}
      {deciding ? (
        <DecideDialog
          request={deciding}
          onClose={() => setDeciding(null)}
          onDecided={({ password }) => {
            setOutcome({ request: deciding, password });
            setDeciding(null);
            setGeneration((g) => g + 1);
          }}
        />
      ) : null}
    </section>
  );
}
