import type { AwardTier } from '@kipp/contracts';
import { useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { formatNumber, useI18n, useMessages } from '../../../i18n';
import { Alert, ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { DateTime } from '../../../ui/date-time';
import { Checkbox } from '../../../ui/field';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { ActionOutcome } from '../shared/action-outcome';
import { DownloadButton } from '../shared/download-button';
import { EditionExports } from '../exports/edition-exports';
import { EditionSubpageHeader, useEditionSubpage } from '../shared/edition-subpage';
import { adminMessages } from '../shared/messages';
import { FinalistComposition } from './composition';
import {
  certificatePath,
  evaluationApi,
  STAGES,
  type CertificatesIssued,
  type Stage,
  type StagePublication,
} from './evaluation-api';
import { evaluationMessages } from './messages';
import { useProposalDirectory } from './proposal-titles';

/** A stage's current publication, or null when it has none yet (404 STAGE_NOT_PUBLISHED). */
async function publicationOrNull(
  load: () => Promise<StagePublication>,
): Promise<StagePublication | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'STAGE_NOT_PUBLISHED') return null;
    throw error;
  }
}

function StagesSection({ editionId, onFinalists }: { editionId: string; onFinalists: () => void }) {
  const t = useMessages(evaluationMessages);
  const common = useMessages(adminMessages);
  const api = useApi();
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const query = useApiQuery(`stages:${editionId}`, (client, signal) =>
    Promise.all(
      STAGES.map((stage) =>
        publicationOrNull(() => evaluationApi.publication(client, editionId, stage, signal)),
      ),
    ),
  );
  const publish = (stage: Stage) => {
    setNotice(null);
    void action.run(async () => {
      const published = await evaluationApi.publishStage(api, editionId, stage);
      setNotice(t.stagePublished(t[`stage_${stage}`], published.version, published.advanced));
      query.reload();
      if (stage === 'finalists') onFinalists();
    });
  };
  const rows = STAGES.map((stage, index) => ({ stage, publication: query.data?.[index] ?? null }));
  return (
    <section aria-labelledby="stages-heading">
      <h2 id="stages-heading">{t.stagesSection}</h2>
      {query.error ? <ErrorAlert error={query.error} codes={codeMessages(t)} /> : null}
      {query.loading && !query.data ? <Progress label={common.loading} /> : null}
      {query.data ? (
        <Table
          caption={t.stagesCaption}
          rows={rows}
          rowKey={(r) => r.stage}
          columns={[
            { key: 'stage', header: t.stage, rowHeader: true, cell: (r) => t[`stage_${r.stage}`] },
            {
              key: 'version',
              header: t.colVersion,
              numeric: true,
              cell: (r) => r.publication?.version ?? '–',
            },
            {
              key: 'published',
              header: t.colPublished,
              cell: (r) =>
                r.publication ? <DateTime value={r.publication.publishedAt} /> : t.notPublished,
            },
            {
              key: 'entries',
              header: t.colEntries,
              numeric: true,
              cell: (r) =>
                r.publication
                  ? `${r.publication.entries.filter((e) => e.advanced).length} / ${r.publication.entries.length}`
                  : '–',
            },
            {
              key: 'publish',
              header: '',
              cell: (r) => (
                <Button variant="secondary" busy={action.busy} onClick={() => publish(r.stage)}>
                  {t.publishStage(t[`stage_${r.stage}`])}
                </Button>
              ),
            },
          ]}
        />
      ) : null}
      <ActionOutcome
        action={action}
        notice={notice}
        progress={t.stagesSection}
        codes={codeMessages(t)}
      />
    </section>
  );
}

function PlenarySection({ editionId }: { editionId: string }) {
  const t = useMessages(evaluationMessages);
  const common = useMessages(adminMessages);
  const { locale } = useI18n();
  const api = useApi();
  const directory = useProposalDirectory(editionId);
  const preview = useApiQuery(`plenary:${editionId}`, (client, signal) =>
    evaluationApi.plenaryPreview(client, editionId, signal),
  );
  const action = useAction();
  const [allowMissing, setAllowMissing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const titleOf = (id: string) => directory.get(id)?.title ?? id;
  const tiers = (list: readonly AwardTier[]) => list.map((tier) => t[`tier_${tier}`]).join(', ');
  const score = (v: number | null) => (v === null ? '–' : formatNumber(locale, v, 3));
  const missing = preview.data?.missingPanelScores.length ?? 0;
  return (
    <section aria-labelledby="plenary-heading">
      <h2 id="plenary-heading">{t.plenarySection}</h2>
      {preview.error ? <ErrorAlert error={preview.error} codes={codeMessages(t)} /> : null}
      {preview.loading && !preview.data ? <Progress label={common.loading} /> : null}
      {preview.data ? (
        <>
          {missing > 0 ? (
            <Alert tone="warning">
              <p>{t.missingPanel(missing)}</p>
            </Alert>
          ) : null}
          <Table
            caption={t.placementsCaption}
            rows={preview.data.placements}
            rowKey={(p) => p.proposalId}
            columns={[
              { key: 'group', header: t.byGroup, cell: (p) => p.groupId },
              { key: 'rank', header: t.colRank, numeric: true, cell: (p) => p.rankInGroup },
              {
                key: 'title',
                header: t.colProposal,
                rowHeader: true,
                cell: (p) => titleOf(p.proposalId),
              },
              { key: 'tiers', header: t.colTiers, cell: (p) => tiers(p.tiers) },
              { key: 'panel', header: t.colPanel, numeric: true, cell: (p) => score(p.panelScore) },
              { key: 'desk', header: t.colDesk, numeric: true, cell: (p) => score(p.deskScore) },
            ]}
          />
          {preview.data.ties.length > 0 ? (
            <Table
              caption={t.tiesCaption}
              rows={preview.data.ties}
              rowKey={(tie) => `${tie.ranking}-${tie.higher}-${tie.lower}`}
              columns={[
                {
                  key: 'ranking',
                  header: t.rankingSection,
                  rowHeader: true,
                  cell: (tie) => tie.ranking,
                },
                { key: 'higher', header: t.colHigher, cell: (tie) => titleOf(tie.higher) },
                { key: 'lower', header: t.colLower, cell: (tie) => titleOf(tie.lower) },
                { key: 'by', header: t.colDecidedBy, cell: (tie) => tie.decidedBy },
              ]}
            />
          ) : null}
        </>
      ) : null}
      <Checkbox
        label={t.allowMissing}
        checked={allowMissing}
        onChange={(e) => setAllowMissing(e.target.checked)}
      />
      <div className="form-actions">
        <Button
          busy={action.busy}
          onClick={() => {
            setNotice(null);
            void action.run(async () => {
              const published = await evaluationApi.publishPlenary(api, editionId, allowMissing);
              setNotice(t.resultsPublished(published.version));
              preview.reload();
            });
          }}
        >
          {t.publishResults}
        </Button>
      </div>
      <ActionOutcome
        action={action}
        notice={notice}
        progress={t.publishResults}
        codes={codeMessages(t)}
      />
    </section>
  );
}

function CertificatesSection({ editionId }: { editionId: string }) {
  const t = useMessages(evaluationMessages);
  const api = useApi();
  const directory = useProposalDirectory(editionId);
  const action = useAction();
  const [issued, setIssued] = useState<CertificatesIssued | null>(null);
  const titleOf = (id: string) => directory.get(id)?.title ?? id;
  return (
    <section aria-labelledby="certificates-heading">
      <h2 id="certificates-heading">{t.certificatesSection}</h2>
      <p>{t.certificatesHint}</p>
      <Button
        busy={action.busy}
        onClick={() =>
          void action.run(async () =>
            setIssued(await evaluationApi.issueCertificates(api, editionId)),
          )
        }
      >
        {t.issueCertificates}
      </Button>
      <ActionOutcome
        action={action}
        notice={
          issued ? t.certificatesIssued(issued.issued, issued.alreadyIssued, issued.revoked) : null
        }
        progress={t.issueCertificates}
        codes={codeMessages(t)}
      />
      {issued ? (
        <>
          <Table
            caption={t.certificatesCaption}
            rows={issued.certificates}
            rowKey={(c) => c.certificateId}
            columns={[
              {
                key: 'title',
                header: t.colProposal,
                rowHeader: true,
                cell: (c) => titleOf(c.proposalId),
              },
              { key: 'tier', header: t.colTier, cell: (c) => t[`tier_${c.tier}`] },
              { key: 'code', header: t.colCode, cell: (c) => <code>{c.verificationCode}</code> },
              {
                key: 'pdf',
                header: '',
                cell: (c) => (
                  <DownloadButton
                    path={certificatePath(c.certificateId)}
                    filename={`${c.verificationCode}.pdf`}
                    label={t.downloadCertificate(titleOf(c.proposalId))}
                    codes={codeMessages(t)}
                  />
                ),
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

/** Stage publications, the finalist composition, the final results, certificates and exports. */
export default function ResultsPage() {
  const t = useMessages(evaluationMessages);
  const common = useMessages(adminMessages);
  const { editionId, edition, title } = useEditionSubpage(t.resultsTitle);
  const [finalistsVersion, setFinalistsVersion] = useState(0);
  const finalists = useApiQuery(`finalists:${editionId}:${finalistsVersion}`, (api, signal) =>
    publicationOrNull(() => evaluationApi.publication(api, editionId, 'finalists', signal)),
  );
  return (
    <section>
      <EditionSubpageHeader editionId={editionId} title={title} />
      <StagesSection editionId={editionId} onFinalists={() => setFinalistsVersion((v) => v + 1)} />
      <section aria-labelledby="composition-heading">
        <h2 id="composition-heading">{t.compositionSection}</h2>
        {finalists.error ? <ErrorAlert error={finalists.error} codes={codeMessages(t)} /> : null}
        {finalists.data && edition.data ? (
          <FinalistComposition
            publication={finalists.data}
            configuration={edition.data.configuration}
          />
        ) : finalists.data === null ? (
          <p>{t.compositionEmpty}</p>
        ) : (
          <Progress label={common.loading} />
        )}
      </section>
      <PlenarySection editionId={editionId} />
      <CertificatesSection editionId={editionId} />
      <section aria-labelledby="exports-heading">
        <h2 id="exports-heading">{t.exportsSection}</h2>
        <EditionExports editionId={editionId} />
      </section>
    </section>
  );
}
