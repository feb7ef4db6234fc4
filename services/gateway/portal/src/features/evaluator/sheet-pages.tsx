import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiClient } from '../../api/client';
import { codeMessages } from '../../api/code-messages';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { formatNumber, useI18n, useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Progress } from '../../ui/progress';
import {
  evaluatorApi,
  type EditionSummary,
  type ScoreSheet,
  type SheetAddress,
  type SnapshotSection,
} from './evaluator-api';
import { EndAssignmentDialog, type EndedAssignment } from './end-assignment-dialog';
import { evaluatorMessages } from './messages';
import { ScoreForm } from './score-form';
import { editionNames, useZone, ZoneSelect } from './shared';

interface ProposalFacts {
  readonly title: string | null;
  readonly institution: string | null;
  readonly blind: boolean;
  readonly categoryId: string | null;
  readonly groupId: string | null;
  readonly sections: readonly SnapshotSection[] | null;
}

interface SheetPageData {
  readonly sheet: ScoreSheet;
  readonly edition: EditionSummary | null;
  readonly proposal: ProposalFacts;
}

async function editionOrNull(api: ApiClient, editionId: string, signal: AbortSignal) {
  // Names are a courtesy: the sheet still works with ids when the edition cannot be read.
  return evaluatorApi.edition(api, editionId, signal).catch(() => null);
}

async function loadDesk(
  api: ApiClient,
  assignmentId: string,
  signal: AbortSignal,
): Promise<SheetPageData> {
  const [sheet, mine] = await Promise.all([
    evaluatorApi.sheet(api, { stage: 'desk', assignmentId }, signal),
    evaluatorApi.myAssignments(api, signal),
  ]);
  const item = mine.items.find((a) => a.assignmentId === assignmentId);
  const edition = await editionOrNull(api, sheet.editionId, signal);
  const proposal = item?.proposal ?? null;
  return {
    sheet,
    edition,
    proposal: {
      title: proposal?.title ?? null,
      institution: proposal?.institution?.name ?? null,
      blind: proposal !== null && proposal.institution === null,
      categoryId: proposal?.categoryId ?? null,
      groupId: proposal?.groupId ?? null,
      sections: proposal?.sections ?? null,
    },
  };
}

async function loadPanel(
  api: ApiClient,
  editionId: string,
  proposalId: string,
  signal: AbortSignal,
): Promise<SheetPageData> {
  const [sheet, finalists, edition] = await Promise.all([
    evaluatorApi.sheet(api, { stage: 'panel', editionId, proposalId }, signal),
    evaluatorApi.finalists(api, editionId, signal),
    editionOrNull(api, editionId, signal),
  ]);
  const finalist = finalists.finalists.find((f) => f.proposalId === proposalId);
  return {
    sheet,
    edition,
    proposal: {
      title: finalist?.title ?? null,
      institution: finalist?.institutionName ?? null,
      blind: false,
      categoryId: finalist?.categoryId ?? null,
      groupId: finalist?.groupId ?? null,
      sections: null,
    },
  };
}

/** The proposal beside the form: its sections as forwarded (the snapshot the score is about). */
function ProposalPane({ data, stage }: { data: SheetPageData; stage: 'desk' | 'panel' }) {
  const t = useMessages(evaluatorMessages);
  const { locale } = useI18n();
  const names = editionNames(data.edition, locale);
  const { proposal } = data;
  return (
    <section aria-labelledby="proposal-heading" className="split-pane" tabIndex={0}>
      <h2 id="proposal-heading">{proposal.title ?? t.proposalUnavailable}</h2>
      <dl className="summary">
        {proposal.categoryId ? (
          <>
            <dt>{t.colCategory}</dt>
            <dd>{names.category.get(proposal.categoryId) ?? proposal.categoryId}</dd>
          </>
        ) : null}
        {proposal.groupId ? (
          <>
            <dt>{t.colGroup}</dt>
            <dd>{names.group.get(proposal.groupId) ?? proposal.groupId}</dd>
          </>
        ) : null}
        {proposal.institution ? (
          <>
            <dt>{t.institution}</dt>
            <dd>{proposal.institution}</dd>
          </>
        ) : null}
      </dl>
      {proposal.blind ? <p className="field-hint">{t.institutionBlind}</p> : null}
      {proposal.sections && proposal.sections.length > 0 ? (
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
        <p>{stage === 'panel' ? t.panelNoText : t.noSections}</p>
      )}
      <Alert tone="info">
        <p>{t.evidenceNote}</p>
      </Alert>
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
  usePageTitle(query.data?.proposal.title ? `${title}: ${query.data.proposal.title}` : title);
  const [zone, setZone] = useZone();
  const data = query.data;
  const names = editionNames(data?.edition ?? null, locale);
  const criteria = stage === 'desk' ? names.deskCriterion : names.panelCriterion;
  let body: ReactNode;
  if (replacement) body = replacement;
  else if (query.error) body = <ErrorAlert error={query.error} codes={codeMessages(t)} />;
  else if (!data) body = <Progress label={t.loading} />;
  else
    body = (
      <div className="split">
        <ProposalPane data={data} stage={stage} />
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
    loadDesk(api, assignmentId, signal),
  );
  const [ending, setEnding] = useState(false);
  const [ended, setEnded] = useState<EndedAssignment | null>(null);
  const title = query.data?.proposal.title ?? assignmentId;
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
    loadPanel(api, editionId, proposalId, signal),
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
