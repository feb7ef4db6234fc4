import { useState } from 'react';
import { codeMessages } from '../../api/code-messages';
import { Deadline, Notice, useEditions, useInstitution } from '../operator/proposal-parts';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { ApiError } from '../../api/api-error';
import { useAction } from '../../api/use-action';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DateTime, formatDateTime, type TimeZone } from '../../ui/date-time';
import { Dialog } from '../../ui/dialog';
import { EmptyState } from '../../ui/empty-state';
import { TextArea } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { useNow } from '../operator/deadline';
import { proposalApi, submissionClose, type ProposalSummary } from '../operator/proposal-api';
import {
  currentEdition,
  nextNudgeAllowedAt,
  NUDGE_MESSAGE_MAX_LENGTH,
  nudgeApi,
  stuckDrafts,
  type StuckDraft,
} from './local-admin-api';
import { LocalAdminNav } from './local-admin-nav';
import { localAdminMessages } from './messages';

/**
 * The local admin's reminder by hand to the unit holding a proposal: an optional message,
 * a confirmation, then what submissions answered (the next possible reminder, or why not).
 */
function NudgeUnit({ proposal, zone }: { proposal: ProposalSummary; zone: TimeZone }) {
  const t = useMessages(localAdminMessages);
  const { locale } = useI18n();
  const api = useApi();
  const action = useAction();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const at = (instant: string) => formatDateTime(instant, locale, zone);
  const send = () => {
    setOpen(false);
    setNotice(null);
    void action.run(async () => {
      const nudge = await nudgeApi.nudge(api, proposal.proposalId, message);
      setMessage('');
      setNotice(t.nudged(proposal.title, at(nudge.nextAllowedAt)));
    });
  };
  const tooSoonAt =
    action.error instanceof ApiError && action.error.code === 'NUDGE_TOO_SOON'
      ? nextNudgeAllowedAt(action.error.details)
      : null;
  const codes = {
    ...codeMessages(t),
    ...(tooSoonAt ? { NUDGE_TOO_SOON: t.nudgeTooSoon(at(tooSoonAt)) } : {}),
    PROPOSAL_STATUS_CONFLICT: t.nudgeNotWithUnit,
    SUBMISSION_CLOSED: t.nudgeClosed,
  };
  return (
    <>
      <Button
        variant="secondary"
        busy={action.busy}
        aria-label={t.nudgeAbout(proposal.title)}
        onClick={() => setOpen(true)}
      >
        {t.nudge}
      </Button>
      <Notice text={notice} />
      {action.error ? <ErrorAlert error={action.error} codes={codes} /> : null}
      <Dialog
        open={open}
        title={t.nudgeTitle}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t.cancel}
            </Button>
            <Button onClick={send}>{t.nudgeConfirm}</Button>
          </>
        }
      >
        <p>{t.nudgeText(proposal.title)}</p>
        <TextArea
          label={t.nudgeMessageLabel}
          hint={t.nudgeMessageHint(NUDGE_MESSAGE_MAX_LENGTH)}
          rows={4}
          maxLength={NUDGE_MESSAGE_MAX_LENGTH}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
      </Dialog>
    </>
  );
}

/**
 * Who holds which unforwarded proposal since when, longest first (`?edition=` picks the
 * edition); a proposal with its unit can be nudged by hand.
 */
export default function DraftsPage() {
  const t = useMessages(localAdminMessages);
  usePageTitle(t.draftsTitle);
  const now = useNow();
  const { editions, byId } = useEditions();
  const { zone } = useInstitution();
  const [search] = useSearchParams();
  const wanted = search.get('edition');
  const edition = (wanted ? byId.get(wanted) : undefined) ?? currentEdition(editions);
  const editionId = edition?.editionId ?? null;
  const report = useApiQuery(editionId ? `drafts-report:${editionId}` : null, (api, signal) =>
    proposalApi.draftsReport(api, editionId ?? '', signal),
  );
  const proposals = useApiQuery(editionId ? `drafts:${editionId}` : null, (api, signal) =>
    proposalApi.list(api, { editionId: editionId ?? '' }, signal),
  );
  const rows = stuckDrafts(proposals.data?.items ?? [], now);
  const oldest = report.data?.institutions[0]?.oldestSittingSince ?? null;
  return (
    <section>
      <h1>{t.draftsTitle}</h1>
      <LocalAdminNav />
      <p>{t.draftsIntro}</p>
      {edition ? (
        <p>
          {t.edition}: {edition.configuration.name} ·{' '}
          <Deadline close={submissionClose(edition)} zone={zone} now={now} />
        </p>
      ) : null}
      {oldest ? (
        <p>
          {t.oldest}: <DateTime value={oldest} zone={zone} />
        </p>
      ) : null}
      {report.error ? <ErrorAlert error={report.error} codes={codeMessages(t)} /> : null}
      {proposals.error ? <ErrorAlert error={proposals.error} codes={codeMessages(t)} /> : null}
      {proposals.loading && !proposals.data ? (
        <Progress label={t.loading} />
      ) : rows.length === 0 ? (
        <EmptyState title={t.draftsEmpty} />
      ) : (
        <Table<StuckDraft>
          caption={t.draftsCaption}
          rows={rows}
          rowKey={(row) => row.proposal.proposalId}
          columns={[
            {
              key: 'title',
              header: t.colTitle,
              rowHeader: true,
              cell: (row) =>
                row.sittingWith === 'local_admin' ? (
                  <Link
                    to={`/local-admin/proposals/${encodeURIComponent(row.proposal.proposalId)}`}
                  >
                    {row.proposal.title}
                  </Link>
                ) : (
                  row.proposal.title
                ),
            },
            { key: 'unit', header: t.colUnit, cell: (row) => row.proposal.unitId },
            { key: 'holder', header: t.colHolder, cell: (row) => t[`holder_${row.sittingWith}`] },
            {
              key: 'since',
              header: t.colSince,
              cell: (row) => <DateTime value={row.proposal.statusSince} zone={zone} />,
            },
            {
              key: 'days',
              header: t.colDays,
              numeric: true,
              cell: (row) => t.daysWaiting(row.days),
            },
            {
              key: 'action',
              header: t.colAction,
              cell: (row) =>
                row.sittingWith === 'unit' ? (
                  <NudgeUnit proposal={row.proposal} zone={zone} />
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}
