import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import type { EditionProjection } from '../../edition/edition.schema';
import type { InstitutionProjection } from '../../institution/institution.schema';
import {
  institutionShownToEvaluators,
  toScorerProposal,
  type ScorerProposal,
} from '../../proposal/scorer-proposal';
import { deskSheetId } from '../../scoring/score-sheet.schema';
import { deskScoringWindow } from '../../scoring/scoring-window';
import type { SheetStanding } from '../../scoring/sheet-standing';
import { SheetStandingsRepository } from '../../scoring/sheet-standings.repository';
import { AssignmentSourcesRepository } from '../assignment-sources.repository';
import { AssignmentRepository } from '../assignment.repository';
import type { Assignment } from '../assignment.schema';

export interface MyAssignment {
  assignment: Assignment;
  /** Null while the proposal's snapshot is not known here. */
  proposal: ScorerProposal | null;
  /** The evaluator's desk sheet for it; null until it is first saved. */
  sheet: SheetStanding | null;
  /** Until when the sheet accepts scores, as the sheet itself tells; null without a plan. */
  deadline: Date | null;
}

/** What the list needs of each edition its assignments belong to. */
interface EditionFacts {
  institutionShown: boolean;
  deadline: Date | null;
}

function editionFacts(edition: EditionProjection | null): EditionFacts {
  const evaluation = edition?.configuration.evaluation;
  return {
    institutionShown: institutionShownToEvaluators(edition),
    deadline:
      edition && evaluation
        ? deskScoringWindow(edition.configuration, evaluation.scoringGraceMinutes).closesAt
        : null,
  };
}

const UNKNOWN_EDITION: EditionFacts = { institutionShown: false, deadline: null };

/**
 * An evaluator's own active assignments with where each sheet stands, so the list needs no
 * read per sheet; nobody else's are ever read.
 */
@Injectable()
export class ListMyAssignmentsUseCase {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly sources: AssignmentSourcesRepository,
    private readonly standings: SheetStandingsRepository,
  ) {}

  async execute(user: AuthenticatedUser): Promise<MyAssignment[]> {
    const own = await this.assignments.list({ evaluatorId: user.accountId, status: 'active' });
    if (own.length === 0) return [];
    const proposalIds = [...new Set(own.map((a) => a.proposalId))];
    const [proposalRows, sheetRows] = await Promise.all([
      this.sources.proposalsByIds(proposalIds),
      this.standings.byIds(own.map((a) => deskSheetId(a._id))),
    ]);
    const proposals = new Map(proposalRows.map((p) => [p._id, p]));
    const sheets = new Map(sheetRows.map((s) => [s._id, s]));
    const editions = new Map<string, EditionFacts>();
    for (const editionId of new Set(own.map((a) => a.editionId))) {
      editions.set(editionId, editionFacts(await this.sources.edition(editionId)));
    }
    const factsOf = (editionId: string) => editions.get(editionId) ?? UNKNOWN_EDITION;
    // The registry's name only for the institutions shown whose forwarded copy has none.
    const unnamed = [...proposals.values()]
      .filter((p) => factsOf(p.editionId).institutionShown && p.institution === null)
      .map((p) => p.institutionId);
    const registry =
      unnamed.length > 0
        ? await this.sources.institutionsByIds([...new Set(unnamed)])
        : new Map<string, InstitutionProjection>();
    return own.map((assignment) => {
      const facts = factsOf(assignment.editionId);
      const proposal = proposals.get(assignment.proposalId);
      return {
        assignment,
        proposal: proposal
          ? toScorerProposal(
              proposal,
              facts.institutionShown
                ? { registryName: registry.get(proposal.institutionId)?.name ?? null }
                : 'hidden',
            )
          : null,
        sheet: sheets.get(deskSheetId(assignment._id)) ?? null,
        deadline: facts.deadline,
      };
    });
  }
}
