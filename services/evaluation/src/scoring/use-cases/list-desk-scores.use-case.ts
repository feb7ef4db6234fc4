import { Injectable } from '@nestjs/common';
import { requireEvaluatedEdition } from '../../edition/evaluated-edition';
import { ReviewerRepository } from '../../reviewer/reviewer.repository';
import { StageRepository } from '../../stage/stage.repository';
import type { CriterionScore, ScoreAuditEntry } from '../score-sheet.schema';
import {
  ScoringRepository,
  type DeskSheetFilter,
  type ListedDeskSheet,
} from '../scoring.repository';

export interface DeskScore {
  readonly sheetId: string;
  readonly proposalId: string;
  /** Null while the proposal is not known here. */
  readonly title: string | null;
  readonly evaluatorId: string;
  /** Null when evaluation has no reviewer record of the account. */
  readonly evaluatorName: string | null;
  /** The criteria as last submitted. */
  readonly criteria: readonly CriterionScore[];
  readonly weightedScore: number;
  readonly submittedAt: Date | null;
  readonly submissions: number;
  /** Saved again since its last submission: a draft now, the submitted score still counts. */
  readonly reopened: boolean;
}

export interface DeskScoresPage {
  readonly items: readonly DeskScore[];
  /** Pass as `after` for the next page; null on the last one. */
  readonly nextAfter: string | null;
}

type Submitted = ListedDeskSheet & { submittedWeightedScore: number };

function isSubmitted(sheet: ListedDeskSheet): sheet is Submitted {
  return sheet.submissions > 0 && sheet.submittedWeightedScore !== null;
}

/** The criteria of the last `submitted` entry of an audit trail. */
function lastSubmittedCriteria(audit: readonly ScoreAuditEntry[]): CriterionScore[] | null {
  for (let i = audit.length - 1; i >= 0; i -= 1) {
    const entry = audit[i];
    if (entry?.action === 'submitted') return entry.criteria;
  }
  return null;
}

/**
 * What each evaluator scored, for the secretariat: an edition's desk sheets submitted at
 * least once, each with its latest submission (a reopened draft's criteria are not a score
 * yet), the proposal's title and the evaluator's name, a page at a time in sheet-id order.
 */
@Injectable()
export class ListDeskScoresUseCase {
  constructor(
    private readonly repository: ScoringRepository,
    private readonly stages: StageRepository,
    private readonly reviewers: ReviewerRepository,
  ) {}

  async execute(
    editionId: string,
    filter: DeskSheetFilter,
    pageSize: number,
  ): Promise<DeskScoresPage> {
    requireEvaluatedEdition(editionId, await this.repository.findEdition(editionId));
    const { page, more } = await this.submittedPage(editionId, filter, pageSize);
    const reopened = page.filter((s) => s.status !== 'submitted').map((s) => s._id);
    const [proposals, reviewers, audits] = await Promise.all([
      this.stages.proposalsByIds([...new Set(page.map((s) => s.proposalId))]),
      this.reviewers.findMany(page.map((s) => s.scorerId)),
      this.repository.audits(reopened),
    ]);
    const titles = new Map(proposals.map((p) => [p._id, p.title]));
    const names = new Map(reviewers.map((r) => [r._id, r.name]));
    const submittedCriteria = new Map(audits.map((a) => [a._id, lastSubmittedCriteria(a.audit)]));
    const items = page.map((sheet): DeskScore => ({
      sheetId: sheet._id,
      proposalId: sheet.proposalId,
      title: titles.get(sheet.proposalId) ?? null,
      evaluatorId: sheet.scorerId,
      evaluatorName: names.get(sheet.scorerId) ?? null,
      criteria:
        sheet.status === 'submitted' ? sheet.criteria : (submittedCriteria.get(sheet._id) ?? []),
      weightedScore: sheet.submittedWeightedScore,
      submittedAt: sheet.submittedAt,
      submissions: sheet.submissions,
      reopened: sheet.status !== 'submitted',
    }));
    const last = page[page.length - 1];
    return { items, nextAfter: more && last ? last._id : null };
  }

  /**
   * Up to `pageSize` sheets submitted at least once, and whether any come after them. Drafts
   * are skipped here rather than in the query (a condition outside the index would make
   * SecantusDB scan the collection), reading on while a batch held too few.
   */
  private async submittedPage(
    editionId: string,
    filter: DeskSheetFilter,
    pageSize: number,
  ): Promise<{ page: Submitted[]; more: boolean }> {
    const found: Submitted[] = [];
    let after = filter.after;
    for (;;) {
      const batch = await this.repository.deskSheets(editionId, { ...filter, after }, pageSize + 1);
      found.push(...batch.filter(isSubmitted));
      const last = batch[batch.length - 1];
      if (found.length > pageSize || batch.length <= pageSize || !last) {
        return { page: found.slice(0, pageSize), more: found.length > pageSize };
      }
      after = last._id;
    }
  }
}
