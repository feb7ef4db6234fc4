import { Injectable } from '@nestjs/common';
import { hasAnyRole, type AuthenticatedUser } from '@kipp/auth';
import { requireEvaluatedEdition } from '../edition/evaluated-edition';
import { institutionShownToEvaluators } from '../proposal/scorer-proposal';
import { deskSheetId, panelSheetId, type ScoreSheet } from './score-sheet.schema';
import { deskScoringWindow, panelScoringWindow, type ScoringWindow } from './scoring-window';
import type { Rubric } from './sheet-rules';
import { ScoringRepository } from './scoring.repository';
import {
  AssignmentNotActiveError,
  AssignmentNotFoundError,
  NotAFinalistError,
} from './scoring.errors';

/** Which sheet a request addresses: a desk assignment, or a finalist for the panelist. */
export type SheetAddress =
  | { readonly stage: 'desk'; readonly assignmentId: string }
  | { readonly stage: 'panel'; readonly editionId: string; readonly proposalId: string };

/** Everything a sheet operation checks against, resolved and authorised. */
export interface SheetTarget {
  readonly sheetId: string;
  readonly stage: ScoreSheet['stage'];
  readonly editionId: string;
  readonly proposalId: string;
  readonly assignmentId: string | null;
  readonly scorerId: string;
  readonly rubric: Rubric;
  readonly window: ScoringWindow;
  /**
   * Whether the scorer may see who proposed it: not on a desk sheet in blind review; always
   * on a panel sheet (the finalists are public).
   */
  readonly institutionShown: boolean;
}

/**
 * Resolves the sheet a caller addresses and decides whether they may touch it, on the data
 * loaded rather than on the route: an evaluator reaches only their own assignments (others
 * answer 404, so their existence is not disclosed), a panelist only current finalists.
 */
@Injectable()
export class SheetTargetResolver {
  constructor(private readonly repository: ScoringRepository) {}

  async resolve(
    address: SheetAddress,
    user: AuthenticatedUser,
    intent: 'read' | 'write',
  ): Promise<SheetTarget> {
    return address.stage === 'desk'
      ? this.desk(address.assignmentId, user, intent)
      : this.panel(address.editionId, address.proposalId, user);
  }

  private async desk(
    assignmentId: string,
    user: AuthenticatedUser,
    intent: 'read' | 'write',
  ): Promise<SheetTarget> {
    const assignment = await this.repository.findAssignment(assignmentId);
    const own = assignment?.evaluatorId === user.accountId;
    // The secretariat may read any desk sheet; only the assigned evaluator writes one.
    const readsAsAdmin = intent === 'read' && hasAnyRole(user, ['national_admin']);
    if (!assignment || (!own && !readsAsAdmin)) throw new AssignmentNotFoundError(assignmentId);
    if (intent === 'write' && assignment.status !== 'active') {
      throw new AssignmentNotActiveError(assignmentId, assignment.status);
    }
    const projection = await this.repository.findEdition(assignment.editionId);
    const edition = requireEvaluatedEdition(assignment.editionId, projection);
    return {
      sheetId: deskSheetId(assignment._id),
      stage: 'desk',
      editionId: assignment.editionId,
      proposalId: assignment.proposalId,
      assignmentId: assignment._id,
      scorerId: assignment.evaluatorId,
      rubric: edition.configuration.rubric,
      window: deskScoringWindow(edition.configuration, edition.evaluation.scoringGraceMinutes),
      institutionShown: institutionShownToEvaluators(projection),
    };
  }

  private async panel(
    editionId: string,
    proposalId: string,
    user: AuthenticatedUser,
  ): Promise<SheetTarget> {
    const edition = requireEvaluatedEdition(
      editionId,
      await this.repository.findEdition(editionId),
    );
    const finalist = await this.repository.findFinalist(editionId, proposalId);
    if (!finalist?.advanced) throw new NotAFinalistError(proposalId);
    return {
      sheetId: panelSheetId(editionId, proposalId, user.accountId),
      stage: 'panel',
      editionId,
      proposalId,
      assignmentId: null,
      scorerId: user.accountId,
      rubric: edition.configuration.panelRubric,
      window: panelScoringWindow(edition.configuration, edition.currentPhase),
      institutionShown: true,
    };
  }
}
