import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiClient } from '../../api/client';
import { codeMessages } from '../../api/code-messages';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { formatNumber, localeTag, useI18n, useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Progress } from '../../ui/progress';
import { formatBytes } from '../operator/evidence-check';
import { DownloadButton, useDownload } from '../operator/proposal-parts';
import { proposalApi } from '../operator/proposal-api';
import {
  evaluatorApi,
  type EditionSummary,
  type ScoreSheetReading,
  type ScorerProposal,
  type SheetAddress,
} from './evaluator-api';
import { EndAssignmentDialog, type EndedAssignment } from './end-assignment-dialog';
import { evaluatorMessages } from './messages';
import { guidanceByCriterion, ScoreForm } from './score-form';
import { editionNames, useZone, ZoneSelect } from './shared';

interface SheetPageData {
  readonly sheet: ScoreSheetReading;
  readonly edition: EditionSummary | null;
}

async function editionOrNull(api: ApiClient, editionId: string, signal: AbortSignal) {
  // Names are a courtesy: the sheet still works with ids when the edition cannot be read.
  return evaluatorApi.edition(api, editionId, signal).catch(() => null);
}

/** The sheet with the proposal it scores, and the edition for the names of things. */
async function loadSheet(
  api: ApiClient,
  address: SheetAddress,
  signal: AbortSignal,
): Promise<SheetPageData> {
  if (address.stage === 'panel') {
    const [sheet, edition] = await Promise.all([
      evaluatorApi.sheet(api, address, signal),
      editionOrNull(api, address.editionId, signal),
    ]);
    return { sheet, edition };
  }
  // A desk sheet names its edition only in the answer.
  const sheet = await evaluatorApi.sheet(api, address, signal);
  return { sheet, edition: await editionOrNull(api, sheet.editionId, signal) };
}

/** The evidence files of the proposal, each downloaded from submissions with my token. */
function EvidenceFiles({
  proposal,
  names,
}: {
  proposal: ScorerProposal;
  names: ReadonlyMap<string, string>;
}) {
  const t = useMessages(evaluatorMessages);
  const { locale } = useI18n();
  const files = useDownload();
  const tag = localeTag(locale);
  return (
    <section aria-labelledby="evidence-heading">
      <h3 id="evidence-heading">{t.evidenceHeading}</h3>
      {proposal.evidence.length === 0 ? (
        <p>{t.evidenceNone}</p>
      ) : (
        <ul className="file-list">
          {proposal.evidence.map((file) => (
            <li key={file.fileId}>
              <span>
                {names.get(file.evidenceId) ?? file.evidenceId}: {file.filename} (
                {formatBytes(file.sizeBytes, tag)})
              </span>{' '}
              <DownloadButton
                files={files}
                path={proposalApi.evidencePath(proposal.proposalId, file.fileId)}
                filename={file.filename}
                label={t.downloadEvidence(file.filename)}
              />
            </li>
          ))}
        </ul>
      )}
      {files.error ? <ErrorAlert error={files.error} codes={codeMessages(t)} /> : null}
    </section>
  );
}

/** The proposal beside the form: the snapshot the score is about, its sections and evidence. */
function ProposalPane({ data }: { data: SheetPageData }) {
  const t = useMessages(evaluatorMessages);
  const { locale } = useI18n();
  const names = editionNames(data.edition, locale);
  const { proposal } = data.sheet;
  if (!proposal) {
    return (
      <section aria-labelledby="proposal-heading" className="split-pane" tabIndex={0}>
        <h2 id="proposal-heading">{t.proposalUnavailable}</h2>
        <p>{t.noSections}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="proposal-heading" className="split-pane" tabIndex={0}>
      <h2 id="proposal-heading">{proposal.title}</h2>
      <dl className="summary">
        <dt>{t.colCategory}</dt>
        <dd>{names.category.get(proposal.categoryId) ?? proposal.categoryId}</dd>
        <dt>{t.colGroup}</dt>
        <dd>{names.group.get(proposal.groupId) ?? proposal.groupId}</dd>
        {proposal.institution?.name ? (
          <>
            <dt>{t.institution}</dt>
            <dd>{proposal.institution.name}</dd>
          </>
        ) : null}
        <dt>{t.snapshotVersion}</dt>
        <dd>{proposal.snapshotVersion}</dd>
      </dl>
      {proposal.institution === null ? <p className="field-hint">{t.institutionBlind}</p> : null}
      {proposal.sections.length > 0 ? (
        <>
          <nav aria-label={t.sectionsNav}>
            <ul>
              {proposal.sections.map((section) => (
                <li key={section.sectionId}>
                  <a href={`#section-${section.sectionId}`}>
                    {names.section.get(section.sectionId) ?? section.sectionId}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {proposal.sections.map((section) => (
            <article
              key={section.sectionId}
              id={`section-${section.sectionId}`}
              className="proposal-section"
            >
              <h3>{names.section.get(section.sectionId) ?? section.sectionId}</h3>
              <p className="field-hint">{t.words(section.wordCount)}</p>
              <p className="preserve-lines">{section.text}</p>
            </article>
          ))}
        </>
      ) : (
        <p>{t.noSections}</p>
      )}
      <EvidenceFiles proposal={proposal} names={names.evidence} />
    </section>
  );
}

function SheetLayout({
  title,
  stage,
  address,
  query,
  actions,
  replacement,
}: {
  title: string;
  stage: 'desk' | 'panel';
  address: SheetAddress;
  query: { data: SheetPageData | undefined; error: unknown; loading: boolean };
  /** Further controls beside the zone (e.g. ending the assignment). */
  actions?: ReactNode;
  /** Shown instead of the sheet (e.g. once the assignment has ended). */
  replacement?: ReactNode;
}) {
  const t = useMessages(evaluatorMessages);
  const { locale } = useI18n();
  const proposalTitle = query.data?.sheet.proposal?.title;
  usePageTitle(proposalTitle ? `${title}: ${proposalTitle}` : title);
  const [zone, setZone] = useZone();
  const data = query.data;
  const names = editionNames(data?.edition ?? null, locale);
  const criteria = stage === 'desk' ? names.deskCriterion : names.panelCriterion;
  const configuration = data?.edition?.configuration;
  const guidance = guidanceByCriterion(
    (stage === 'desk' ? configuration?.rubric : configuration?.panelRubric)?.criteria,
    locale,
  );
  let body: ReactNode;
  if (replacement) body = replacement;
  else if (query.error) body = <ErrorAlert error={query.error} codes={codeMessages(t)} />;
  else if (!data) body = <Progress label={t.loading} />;
  else
    body = (
      <div className="split">
        <ProposalPane data={data} />
        <div className="split-pane">
          <p className="field-hint">
            {t.scaleHint(data.sheet.rubric.scale.min, data.sheet.rubric.scale.max)} ·{' '}
            {t.totalScored(data.sheet.criteria.length, data.sheet.rubric.criteria.length)}
            {data.sheet.weightedScore !== null
              ? ` · ${t.totalValue(formatNumber(locale, data.sheet.weightedScore))}`
              : ''}
          </p>
          <ScoreForm
            key={`${data.sheet.proposalId}-${data.sheet.stage}`}
            address={address}
            initial={data.sheet}
            criterionName={(id) => criteria.get(id) ?? id}
            criterionGuidance={(id) => guidance.get(id)}
            zone={zone}
          />
        </div>
      </div>
    );
  return (
    <section>
      <p>
        <Link to="/evaluator">{t.backToList}</Link>
      </p>
      <h1>{title}</h1>
      <div className="toolbar">
        <ZoneSelect label={t.zone} zone={zone} onChange={setZone} />
        {actions}
      </div>
      {body}
    </section>
  );
}

/** The desk score sheet of one of my assignments, which may also be declined from here. */
export function DeskSheetPage({ assignmentId }: { assignmentId: string }) {
  const t = useMessages(evaluatorMessages);
  const query = useApiQuery(`desk:${assignmentId}`, (api, signal) =>
    loadSheet(api, { stage: 'desk', assignmentId }, signal),
  );
  const [ending, setEnding] = useState(false);
  const [ended, setEnded] = useState<EndedAssignment | null>(null);
  const title = query.data?.sheet.proposal?.title ?? assignmentId;
  // Evaluation refuses to end an assignment once a score was submitted for it.
  const mayEnd = query.data !== undefined && query.data.sheet.submissions === 0 && !ended;
  return (
    <>
      <SheetLayout
        title={t.sheetTitleDesk}
        stage="desk"
        address={{ stage: 'desk', assignmentId }}
        query={query}
        actions={
          mayEnd ? (
            <Button
              variant="secondary"
              aria-label={t.decline(title)}
              onClick={() => setEnding(true)}
            >
              {t.declineShort}
            </Button>
          ) : null
        }
        replacement={
          ended ? (
            <Alert tone="success">
              <p>{t.endDone(ended.title)}</p>
              <p>{ended.replaced ? t.endDoneReplaced : t.endDoneNoReplacement}</p>
            </Alert>
          ) : null
        }
      />
      <EndAssignmentDialog
        assignmentId={ending ? assignmentId : null}
        title={title}
        onClose={() => setEnding(false)}
        onEnded={setEnded}
      />
    </>
  );
}

/** My panel sheet for one finalist. */
export function PanelSheetPage({
  editionId,
  proposalId,
}: {
  editionId: string;
  proposalId: string;
}) {
  const t = useMessages(evaluatorMessages);
  const query = useApiQuery(`panel:${editionId}:${proposalId}`, (api, signal) =>
    loadSheet(api, { stage: 'panel', editionId, proposalId }, signal),
  );
  return (
    <SheetLayout
      title={t.sheetTitlePanel}
      stage="panel"
      address={{ stage: 'panel', editionId, proposalId }}
      query={query}
    />
  );
}
