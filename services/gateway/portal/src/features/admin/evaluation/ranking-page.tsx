import { useState } from 'react';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { formatNumber, useI18n, useMessages } from '../../../i18n';
import { ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { BarChart } from '../../../ui/charts/bar-chart';
import { LineChart } from '../../../ui/charts/line-chart';
import { EmptyState } from '../../../ui/empty-state';
import { Select } from '../../../ui/field';
import { Progress } from '../../../ui/progress';
import { Table, type Column } from '../../../ui/table';
import { ActionOutcome } from '../shared/action-outcome';
import { EditionSubpageHeader, useEditionSubpage } from '../shared/edition-subpage';
import { adminMessages } from '../shared/messages';
import { scoreBins, scoreDistribution, withTies } from './chart-data';
import { DeskScoresSection, type DeskScoresChoice } from './desk-scores';
import { deskScoresMessages } from './desk-scores-messages';
import {
  evaluationApi,
  reviewerNames,
  STAGES,
  type Calibration,
  type DeskResult,
  type EvaluatorStats,
  type ProposalListing,
  type Stage,
} from './evaluation-api';
import { evaluationMessages } from './messages';
import { useProposalDirectory } from './proposal-titles';

const BINS = 10;

/** A column of buttons that show the row's desk scores in the section below. */
function showScoresColumn<Row>(
  text: string,
  label: (row: Row) => string,
  onShow: (row: Row) => void,
): Column<Row> {
  return {
    key: 'scores',
    header: text,
    cell: (row) => (
      <Button variant="secondary" aria-label={label(row)} onClick={() => onShow(row)}>
        {text}
      </Button>
    ),
  };
}

const byLabel = <T extends { label: string }>(options: T[]): T[] =>
  options.sort((a, b) => a.label.localeCompare(b.label));
const TOP = 20;

function CalibrationView({
  calibration,
  scale,
  nameOf,
  onShowScores,
}: {
  calibration: Calibration;
  scale: { min: number; max: number };
  nameOf: (evaluatorId: string) => string;
  onShowScores: (evaluatorId: string) => void;
}) {
  const t = useMessages(evaluationMessages);
  const ds = useMessages(deskScoresMessages);
  const { locale } = useI18n();
  const num = (value: number | null, digits = 2) =>
    value === null ? '–' : formatNumber(locale, value, digits);
  const bins = scoreBins(scale, BINS, (v) => formatNumber(locale, v, 1));
  const distribution = scoreDistribution(calibration.proposals.items, bins);
  const evaluators = [...calibration.evaluators].sort((a, b) => b.mean - a.mean);
  return (
    <>
      <h2>{t.agreementTitle}</h2>
      <dl className="summary">
        <dt>{t.agreementDesk}</dt>
        <dd>
          {calibration.agreement.desk === null
            ? t.agreementNone
            : num(calibration.agreement.desk, 3)}
        </dd>
        <dt>{t.agreementPanel}</dt>
        <dd>
          {calibration.agreement.panel === null
            ? t.agreementNone
            : num(calibration.agreement.panel, 3)}
        </dd>
        <dt>{t.globalMean}</dt>
        <dd>{num(calibration.globalMean)}</dd>
        <dt>{t.globalSd}</dt>
        <dd>{num(calibration.globalSd)}</dd>
      </dl>
      <p>{t.agreementReading}</p>
      <LineChart
        title={t.distributionTitle}
        description={t.distributionDesc}
        xLabel={t.scoreRange}
        xLabels={bins.map((b) => b.label)}
        series={[
          { name: t.seriesRaw, values: distribution.raw },
          { name: t.seriesNormalized, values: distribution.normalized },
        ]}
      />
      <BarChart
        title={t.evaluatorMeans}
        description={t.evaluatorMeansDesc(evaluators.length)}
        valueLabel={t.colMean}
        data={evaluators.map((e) => ({ label: nameOf(e.scorerId), value: e.mean }))}
      />
      <Table
        caption={t.evaluatorCaption}
        rows={evaluators}
        rowKey={(e) => e.scorerId}
        columns={[
          {
            key: 'id',
            header: t.colEvaluator,
            rowHeader: true,
            cell: (e) => nameOf(e.scorerId),
          },
          { key: 'count', header: t.colCount, numeric: true, cell: (e) => e.count },
          { key: 'mean', header: t.colMean, numeric: true, cell: (e) => num(e.mean) },
          { key: 'sd', header: t.colSd, numeric: true, cell: (e) => num(e.sd) },
          { key: 'normalized', header: t.colNormalized, cell: (e) => (e.normalized ? '✓' : '–') },
          showScoresColumn<EvaluatorStats>(
            ds.showScores,
            (e) => ds.showEvaluatorScores(nameOf(e.scorerId)),
            (e) => onShowScores(e.scorerId),
          ),
        ]}
      />
    </>
  );
}

function RankingView({
  editionId,
  stage,
  directory,
}: {
  editionId: string;
  stage: Stage;
  directory: ReadonlyMap<string, ProposalListing>;
}) {
  const t = useMessages(evaluationMessages);
  const common = useMessages(adminMessages);
  const { locale } = useI18n();
  const query = useApiQuery(`preview:${editionId}:${stage}`, (api, signal) =>
    evaluationApi.preview(api, editionId, stage, signal),
  );
  const rows = withTies(query.data?.entries ?? []);
  const stageName = t[`stage_${stage}`];
  const titleOf = (id: string) => directory.get(id)?.title ?? id;
  if (query.error) return <ErrorAlert error={query.error} codes={codeMessages(t)} />;
  if (query.loading && !query.data) return <Progress label={common.loading} />;
  if (rows.length === 0) return <EmptyState title={t.rankingEmpty} />;
  return (
    <>
      <BarChart
        title={t.rankingChart(stageName)}
        description={t.rankingChartDesc}
        valueLabel={t.colScore}
        data={rows
          .slice(0, TOP)
          .map((r) => ({ label: `${r.rank}. ${titleOf(r.proposalId)}`, value: r.score ?? 0 }))}
      />
      <p>{t.tieBreak}</p>
      <Table
        caption={t.rankingCaption(stageName)}
        rows={rows}
        rowKey={(r) => r.proposalId}
        columns={[
          { key: 'rank', header: t.colRank, numeric: true, cell: (r) => r.rank },
          {
            key: 'title',
            header: t.colProposal,
            rowHeader: true,
            cell: (r) => titleOf(r.proposalId),
          },
          {
            key: 'institution',
            header: t.colInstitution,
            cell: (r) => directory.get(r.proposalId)?.institutionName ?? r.institutionId,
          },
          {
            key: 'score',
            header: t.colScore,
            numeric: true,
            cell: (r) => (r.score === null ? '–' : formatNumber(locale, r.score, 3)),
          },
          {
            key: 'tie',
            header: t.colTie,
            cell: (r) =>
              r.tiedWith > 1 ? <span className="tag tag-warning">{t.tie(r.tiedWith)}</span> : '–',
          },
          { key: 'advanced', header: t.colAdvanced, cell: (r) => (r.advanced ? '✓' : '–') },
        ]}
      />
    </>
  );
}

/** Calibration (agreement, per-evaluator spread, score distributions) and the ranking with ties. */
export default function RankingPage() {
  const t = useMessages(evaluationMessages);
  const ds = useMessages(deskScoresMessages);
  const common = useMessages(adminMessages);
  const { locale } = useI18n();
  const api = useApi();
  const { editionId, edition, title } = useEditionSubpage(t.rankingTitle);
  const directory = useProposalDirectory(editionId);
  const names = useApiQuery('reviewer-names', (client, signal) => reviewerNames(client, signal));
  const nameOf = (id: string) => names.data?.get(id) ?? id;
  const titleOf = (id: string) => directory.get(id)?.title ?? id;
  const [choice, setChoice] = useState<DeskScoresChoice>({ kind: 'evaluator', id: '' });
  const calibration = useApiQuery(`calibration:${editionId}`, (client, signal) =>
    evaluationApi.calibration(client, editionId, signal),
  );
  const run = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>('desk');
  const [generation, setGeneration] = useState(0);
  const scale = edition.data?.configuration.rubric.scale ?? { min: 0, max: 100 };
  const divergent = calibration.data?.divergent ?? [];
  return (
    <section>
      <EditionSubpageHeader editionId={editionId} title={title} />
      <div className="toolbar">
        <Button
          busy={run.busy}
          onClick={() => {
            setNotice(null);
            void run.run(async () => {
              const result = await evaluationApi.runCalibration(api, editionId);
              setNotice(t.calibrationDone(result.proposals, result.evaluators));
              calibration.reload();
              setGeneration((g) => g + 1);
            });
          }}
        >
          {t.runCalibration}
        </Button>
      </div>
      <ActionOutcome
        action={run}
        notice={notice}
        progress={t.runCalibration}
        codes={codeMessages(t)}
      />
      {calibration.error ? <ErrorAlert error={calibration.error} codes={codeMessages(t)} /> : null}
      {calibration.loading && !calibration.data ? <Progress label={common.loading} /> : null}
      {calibration.data ? (
        <CalibrationView
          calibration={calibration.data}
          scale={scale}
          nameOf={nameOf}
          onShowScores={(id) => setChoice({ kind: 'evaluator', id })}
        />
      ) : null}
      {calibration.data ? (
        divergent.length === 0 ? (
          <p>{t.divergentEmpty}</p>
        ) : (
          <Table
            caption={t.divergentCaption}
            rows={divergent}
            rowKey={(r) => r.proposalId}
            columns={[
              {
                key: 'id',
                header: t.colProposal,
                rowHeader: true,
                cell: (r) => titleOf(r.proposalId),
              },
              { key: 'count', header: t.colCount, numeric: true, cell: (r) => r.scoreCount },
              {
                key: 'spread',
                header: t.colSpread,
                numeric: true,
                cell: (r) => formatNumber(locale, r.spread),
              },
              {
                key: 'extra',
                header: t.colExtra,
                cell: (r) => (r.extraEvaluatorRequested ? '✓' : '–'),
              },
              showScoresColumn<DeskResult>(
                ds.showScores,
                (r) => ds.showProposalScores(titleOf(r.proposalId)),
                (r) => setChoice({ kind: 'proposal', id: r.proposalId }),
              ),
            ]}
          />
        )
      ) : null}
      {calibration.data ? (
        <DeskScoresSection
          editionId={editionId}
          evaluators={byLabel(
            calibration.data.evaluators.map((e) => ({ id: e.scorerId, label: nameOf(e.scorerId) })),
          )}
          proposals={byLabel(
            calibration.data.proposals.items
              .filter((r) => r.scoreCount > 0)
              .map((r) => ({ id: r.proposalId, label: titleOf(r.proposalId) })),
          )}
          criteria={(edition.data?.configuration.rubric.criteria ?? []).map((c) => ({
            criterionId: c.criterionId,
            name: c.name[locale],
          }))}
          choice={choice}
          onChoose={setChoice}
        />
      ) : null}
      <h2>{t.rankingSection}</h2>
      <div className="toolbar">
        <Select
          label={t.stage}
          value={stage}
          options={STAGES.map((s) => ({ value: s, label: t[`stage_${s}`] }))}
          onChange={(e) => setStage(STAGES.find((s) => s === e.target.value) ?? 'desk')}
        />
      </div>
      <RankingView
        key={`${stage}-${generation}`}
        editionId={editionId}
        stage={stage}
        directory={directory}
      />
    </section>
  );
}
