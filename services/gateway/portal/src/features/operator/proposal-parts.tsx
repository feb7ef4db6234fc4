import { useCallback, useState } from 'react';
import { timeZoneOfProvince, type TimeZone } from '@kipp/contracts';
import { useApiQuery } from '../../api/use-api-query';
import { useSession, useSessionStore } from '../../auth/session-context';
import { useI18n, useMessages, type Locale } from '../../i18n';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { browserZone, DateTime, formatDateTime } from '../../ui/date-time';
import { Table } from '../../ui/table';
import { countdown } from './deadline';
import { downloadFile, saveFile } from '../../api/download';
import { operatorMessages, type OperatorText } from './messages';
import {
  editionApi,
  type CheckOutcome,
  type EditionSummary,
  type EligibilityCheck,
  type LocalizedText,
  type ProposalStatus,
  type Transition,
} from './proposal-api';

export function localized(text: LocalizedText | undefined, locale: Locale, fallback = ''): string {
  return text ? text[locale] : fallback;
}

export function statusLabel(t: OperatorText, status: ProposalStatus): string {
  return t[`status_${status}`];
}

export function nextStep(t: OperatorText, status: ProposalStatus): string {
  return t[`next_${status}`];
}

const CHECK_KEYS = {
  'innovation-age': 'check_innovation_age',
  'required-sections': 'check_required_sections',
  'word-limits': 'check_word_limits',
  'required-evidence': 'check_required_evidence',
  'duplicate-title': 'check_duplicate_title',
  'integrity-declaration': 'check_integrity_declaration',
  'source-innovation': 'check_source_innovation',
  'prior-awards': 'check_prior_awards',
} as const satisfies Record<string, keyof OperatorText>;

export function checkName(t: OperatorText, check: string): string {
  const key = (
    CHECK_KEYS as Readonly<Record<string, (typeof CHECK_KEYS)[keyof typeof CHECK_KEYS]>>
  )[check];
  return key ? t[key] : check;
}

export function StatusTag({ status }: { status: ProposalStatus }) {
  const t = useMessages(operatorMessages);
  const strong = status === 'returned' || status === 'draft';
  return <span className={strong ? 'tag tag-strong' : 'tag'}>{statusLabel(t, status)}</span>;
}

/** The countdown to a close, as text: "3 hari 4 jam lagi", "Sudah ditutup". */
export function countdownText(t: OperatorText, close: string | null, now: Date): string {
  if (!close) return t.noDeadline;
  const left = countdown(close, now);
  return left.closed ? t.closed : t.closesIn(left.days, left.hours, left.minutes);
}

/** The close instant in the given zone and the time left until it. */
export function Deadline({
  close,
  zone,
  now,
}: {
  close: string | null;
  zone: TimeZone;
  now: Date;
}) {
  const t = useMessages(operatorMessages);
  if (!close) return <span>{t.noDeadline}</span>;
  const closed = countdown(close, now).closed;
  return (
    <span className="deadline">
      <DateTime value={close} zone={zone} />{' '}
      <span className={closed ? 'tag' : 'tag tag-warning'}>{countdownText(t, close, now)}</span>
    </span>
  );
}

/** The zone the person's institution keeps (by its province), else the browser's. */
export function useInstitution(): {
  readonly institutionId: string | null;
  readonly name: string | null;
  readonly zone: TimeZone;
} {
  const session = useSession();
  const institutionId = session.status === 'signed-in' ? session.user.institutionId : null;
  const query = useApiQuery(institutionId ? `institution:${institutionId}` : null, (api, signal) =>
    editionApi.institution(api, institutionId ?? '', signal),
  );
  const zone = query.data ? timeZoneOfProvince(query.data.provinceCode) : browserZone();
  return { institutionId, name: query.data?.name ?? null, zone };
}

/** Published editions, by id. */
export function useEditions() {
  const query = useApiQuery('editions', (api, signal) => editionApi.list(api, signal));
  const byId = new Map<string, EditionSummary>(
    (query.data?.editions ?? []).map((edition) => [edition.editionId, edition]),
  );
  return { ...query, byId, editions: query.data?.editions ?? [] };
}

const OUTCOME_CLASS: Readonly<Record<CheckOutcome, string>> = {
  pass: 'tag',
  warn: 'tag tag-warning',
  fail: 'tag tag-strong',
};

/** Submissions' eligibility checks, failing ones first. */
export function EligibilityList({
  checks,
  checkedAt,
}: {
  checks: readonly EligibilityCheck[];
  checkedAt: string | null;
}) {
  const t = useMessages(operatorMessages);
  if (checks.length === 0) return <p>{t.checksNone}</p>;
  const order: Readonly<Record<CheckOutcome, number>> = { fail: 0, warn: 1, pass: 2 };
  const sorted = [...checks].sort((a, b) => order[a.outcome] - order[b.outcome]);
  return (
    <>
      <ul className="check-list">
        {sorted.map((check) => (
          <li key={check.check}>
            <span className={OUTCOME_CLASS[check.outcome]}>{t[`outcome_${check.outcome}`]}</span>{' '}
            <strong>{checkName(t, check.check)}</strong>
            {check.outcome === 'pass' ? null : <span>: {check.detail}</span>}
          </li>
        ))}
      </ul>
      {checkedAt ? (
        <p className="field-hint">
          {t.checksAt}: <DateTime value={checkedAt} />
        </p>
      ) : null}
    </>
  );
}

/** Returns, forwards, withdrawals and submissions of a proposal, oldest first. */
export function HistoryTable({ transitions }: { transitions: readonly Transition[] }) {
  const t = useMessages(operatorMessages);
  const label = (status: string | null) =>
    status &&
    (['draft', 'submitted', 'returned', 'forwarded', 'withdrawn'] as const).includes(
      status as ProposalStatus,
    )
      ? statusLabel(t, status as ProposalStatus)
      : (status ?? '');
  if (transitions.length === 0) return <p>{t.historyEmpty}</p>;
  return (
    <Table
      caption={t.historyCaption}
      hideCaption
      rows={transitions.map((transition, index) => ({ ...transition, key: String(index) }))}
      rowKey={(row) => row.key}
      columns={[
        { key: 'at', header: t.colWhen, cell: (row) => <DateTime value={row.at} /> },
        {
          key: 'change',
          header: t.colChange,
          cell: (row) =>
            row.from ? `${label(row.from)} → ${label(row.to)}` : `${t.created}: ${label(row.to)}`,
        },
        { key: 'by', header: t.colBy, cell: (row) => row.by },
        {
          key: 'comment',
          header: t.colComment,
          cell: (row) =>
            row.comment ? <span className="preserve-lines">{row.comment}</span> : '—',
        },
      ]}
    />
  );
}

/** The last comment a local admin returned the proposal with, if it is returned now. */
export function lastReturnComment(
  status: ProposalStatus,
  transitions: readonly Transition[],
): Transition | null {
  if (status !== 'returned') return null;
  return [...transitions].reverse().find((entry) => entry.to === 'returned') ?? null;
}

/** Downloads a protected file with the session's token; busy and error for the button. */
export function useDownload(): {
  readonly busy: string | null;
  readonly error: unknown;
  readonly download: (path: string, name: string) => Promise<void>;
} {
  const store = useSessionStore();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = useCallback(
    async (path: string, name: string) => {
      setBusy(path);
      setError(null);
      try {
        saveFile(await downloadFile(path, { tokens: store, fallbackName: name }));
      } catch (reason) {
        setError(reason);
      } finally {
        setBusy(null);
      }
    },
    [store],
  );
  return { busy, error, download };
}

/** A time of day for "saved at", in the browser's Indonesian zone. */
export function useClockTime(): (iso: string) => string {
  const { locale } = useI18n();
  return (iso) => formatDateTime(iso, locale, browserZone()).split(' ').slice(-2).join(' ');
}

/** The outcome of an action that went well, announced politely; nothing without text. */
export function Notice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Alert tone="success">
      <p>{text}</p>
    </Alert>
  );
}

/** A button that downloads one protected file. */
export function DownloadButton({
  files,
  path,
  filename,
  label,
}: {
  files: ReturnType<typeof useDownload>;
  path: string;
  filename: string;
  label: string;
}) {
  return (
    <Button
      variant="link"
      busy={files.busy !== null}
      onClick={() => void files.download(path, filename)}
    >
      {label}
    </Button>
  );
}

/** The name of an edition's group or category in the person's language, else its id. */
export function groupName(
  edition: EditionSummary | undefined,
  groupId: string,
  locale: Locale,
): string {
  return localized(
    edition?.configuration.groups.find((g) => g.groupId === groupId)?.name,
    locale,
    groupId,
  );
}

export function categoryName(
  edition: EditionSummary | undefined,
  categoryId: string,
  locale: Locale,
): string {
  return localized(
    edition?.configuration.categories.find((c) => c.categoryId === categoryId)?.name,
    locale,
    categoryId,
  );
}
