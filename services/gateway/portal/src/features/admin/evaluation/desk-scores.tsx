import { useState } from 'react';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { formatNumber, useI18n, useMessages } from '../../../i18n';
import { ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { DateTime } from '../../../ui/date-time';
import { EmptyState } from '../../../ui/empty-state';
import { Select } from '../../../ui/field';
import { Progress } from '../../../ui/progress';
import { Table, type Column } from '../../../ui/table';
import { deskScoresMessages } from './desk-scores-messages';
import { assignmentApi, type DeskScore, type DeskScoresOf } from './evaluation-api';

/** Whose scores the table shows; `id` is empty until one is picked. */
export interface DeskScoresChoice {
  readonly kind: 'evaluator' | 'proposal';
  readonly id: string;
}

export interface PickOption {
  readonly id: string;
  readonly label: string;
}

/** The route's filter for a choice; null until an evaluator or a proposal is picked. */
export function deskScoresFilter(choice: DeskScoresChoice): DeskScoresOf | null {
  if (choice.id === '') return null;
  return choice.kind === 'evaluator' ? { evaluatorId: choice.id } : { proposalId: choice.id };
}

/** A criterion's submitted score on a sheet, null when the sheet has none for it. */
export function criterionScore(score: DeskScore, criterionId: string): number | null {
  return score.criteria.find((c) => c.criterionId === criterionId)?.score ?? null;
}

function ScoresTable({
  editionId,
  choice,
  caption,
  criteria,
}: {
  editionId: string;
  choice: DeskScoresChoice;
  caption: string;
  criteria: readonly { criterionId: string; name: string }[];
}) {
  const t = useMessages(deskScoresMessages);
  const { locale } = useI18n();
  const api = useApi();
  const more = useAction();
  const filter = deskScoresFilter(choice);
  const first = useApiQuery(
    filter ? `desk-scores:${editionId}:${choice.kind}:${choice.id}` : null,
    (client, signal) =>
      filter
        ? assignmentApi.deskScores(client, editionId, filter, null, signal)
        : Promise.resolve({ items: [], nextAfter: null }),
  );
  const [later, setLater] = useState<{ items: DeskScore[]; nextAfter: string | null } | null>(null);
  const items = [...(first.data?.items ?? []), ...(later?.items ?? [])];
  const nextAfter = later ? later.nextAfter : (first.data?.nextAfter ?? null);
  if (first.error) return <ErrorAlert error={first.error} codes={codeMessages(t)} />;
  if (first.loading && !first.data) return <Progress label={t.loading} />;
  if (items.length === 0) return <EmptyState title={t.empty} />;
  const named: Column<DeskScore> =
    choice.kind === 'evaluator'
      ? {
          key: 'proposal',
          header: t.colProposal,
          rowHeader: true,
          cell: (s) => s.title ?? s.proposalId,
        }
      : {
          key: 'evaluator',
          header: t.colEvaluator,
          rowHeader: true,
          cell: (s) => s.evaluatorName ?? s.evaluatorId,
        };
  const columns: Column<DeskScore>[] = [
    named,
    ...criteria.map((c): Column<DeskScore> => ({
      key: `criterion:${c.criterionId}`,
      header: c.name,
      numeric: true,
      cell: (s) => {
        const value = criterionScore(s, c.criterionId);
        return value === null ? '–' : formatNumber(locale, value);
      },
    })),
    {
      key: 'weighted',
      header: t.colWeighted,
      numeric: true,
      cell: (s) => formatNumber(locale, s.weightedScore, 2),
    },
    {
      key: 'submitted',
      header: t.colSubmitted,
      cell: (s) => (
        <>
          {s.submittedAt ? <DateTime value={s.submittedAt} /> : '–'}
          {s.reopened ? (
            <>
              {' '}
              <span className="tag tag-warning" title={t.reopenedHint}>
                {t.reopened}
              </span>
            </>
          ) : null}
        </>
      ),
    },
    {
      key: 'comments',
      header: t.colComments,
      cell: (s) => (
        <details>
          <summary>{t.showComments}</summary>
          <dl>
            {s.criteria.map((c) => (
              <div key={c.criterionId}>
                <dt>
                  {criteria.find((r) => r.criterionId === c.criterionId)?.name ?? c.criterionId}
                </dt>
                <dd>{c.comment === '' ? '–' : c.comment}</dd>
              </div>
            ))}
          </dl>
        </details>
      ),
    },
  ];
  return (
    <>
      <Table caption={caption} columns={columns} rows={items} rowKey={(s) => s.sheetId} />
      <p role="status">{t.shownOf(items.length)}</p>
      {more.error ? <ErrorAlert error={more.error} codes={codeMessages(t)} /> : null}
      {nextAfter && filter ? (
        <Button
          variant="secondary"
          busy={more.busy}
          onClick={() =>
            void more.run(async () => {
              const page = await assignmentApi.deskScores(api, editionId, filter, nextAfter);
              setLater({
                items: [...(later?.items ?? []), ...page.items],
                nextAfter: page.nextAfter,
              });
            })
          }
        >
          {t.loadMore}
        </Button>
      ) : null}
    </>
  );
}

/**
 * What each evaluator scored: one evaluator's or one proposal's submitted desk scores,
 * criterion by criterion, picked from the evaluators and proposals calibration lists.
 */
export function DeskScoresSection({
  editionId,
  evaluators,
  proposals,
  criteria,
  choice,
  onChoose,
}: {
  editionId: string;
  evaluators: readonly PickOption[];
  proposals: readonly PickOption[];
  criteria: readonly { criterionId: string; name: string }[];
  choice: DeskScoresChoice;
  onChoose: (choice: DeskScoresChoice) => void;
}) {
  const t = useMessages(deskScoresMessages);
  const listed = choice.kind === 'evaluator' ? evaluators : proposals;
  // A choice made elsewhere on the page may be missing from the list (e.g. past its page).
  const options =
    choice.id === '' || listed.some((o) => o.id === choice.id)
      ? listed
      : [...listed, { id: choice.id, label: choice.id }];
  const picked = options.find((o) => o.id === choice.id);
  return (
    <section aria-labelledby="desk-scores-title">
      <h2 id="desk-scores-title">{t.section}</h2>
      <p>{t.intro}</p>
      {evaluators.length === 0 ? (
        <p>{t.nothingToChoose}</p>
      ) : (
        <>
          <div className="toolbar">
            <Select
              label={t.of}
              value={choice.kind}
              options={[
                { value: 'evaluator', label: t.ofEvaluator },
                { value: 'proposal', label: t.ofProposal },
              ]}
              onChange={(e) =>
                onChoose({ kind: e.target.value === 'proposal' ? 'proposal' : 'evaluator', id: '' })
              }
            />
            <Select
              label={choice.kind === 'evaluator' ? t.evaluator : t.proposal}
              value={choice.id}
              placeholder={t.choose}
              options={options.map((o) => ({ value: o.id, label: o.label }))}
              onChange={(e) => onChoose({ kind: choice.kind, id: e.target.value })}
            />
          </div>
          {picked ? (
            <ScoresTable
              key={`${choice.kind}:${choice.id}`}
              editionId={editionId}
              choice={choice}
              caption={
                choice.kind === 'evaluator'
                  ? t.captionEvaluator(picked.label)
                  : t.captionProposal(picked.label)
              }
              criteria={criteria}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
