import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { requireEvaluatedEdition } from '../../edition/evaluated-edition';
import { StageNotPublishedError } from '../../stage/stage.errors';
import {
  ListPublicFinalistsUseCase,
  type PublicFinalist,
  type PublicFinalists,
} from '../../stage/use-cases/list-public-finalists.use-case';
import { panelSheetId } from '../score-sheet.schema';
import { panelScoringWindow } from '../scoring-window';
import { ScoringRepository } from '../scoring.repository';
import type { SheetStanding } from '../sheet-standing';
import { SheetStandingsRepository } from '../sheet-standings.repository';

export interface MyPanelSheet {
  readonly finalist: PublicFinalist;
  /** The caller's sheet for the finalist; null until it is first saved. */
  readonly sheet: SheetStanding | null;
}

export interface MyPanelSheets {
  readonly editionId: string;
  /** When the current finalists were published; null before the first publication. */
  readonly publishedAt: Date | null;
  /** The end of the panel window (interview … plenary) as the calendar plans it. */
  readonly deadline: Date | null;
  readonly items: readonly MyPanelSheet[];
}

/**
 * A panelist's own panel sheets for the edition's current finalists, the finalists as the
 * public list gives them (order, institution name, disqualified and withdrawn left out),
 * read in one query by sheet id; nobody else's sheet is ever read.
 */
@Injectable()
export class ListMyPanelSheetsUseCase {
  constructor(
    private readonly repository: ScoringRepository,
    private readonly finalists: ListPublicFinalistsUseCase,
    private readonly standings: SheetStandingsRepository,
  ) {}

  async execute(editionId: string, user: AuthenticatedUser): Promise<MyPanelSheets> {
    const edition = requireEvaluatedEdition(
      editionId,
      await this.repository.findEdition(editionId),
    );
    const deadline = panelScoringWindow(edition.configuration, edition.currentPhase).closesAt;
    const current = await this.currentFinalists(editionId);
    if (!current) return { editionId, publishedAt: null, deadline, items: [] };
    const idOf = (finalist: PublicFinalist) =>
      panelSheetId(editionId, finalist.proposalId, user.accountId);
    const sheets = new Map(
      (await this.standings.byIds(current.finalists.map(idOf))).map((s) => [s._id, s]),
    );
    return {
      editionId,
      publishedAt: current.publishedAt,
      deadline,
      items: current.finalists.map((finalist) => ({
        finalist,
        sheet: sheets.get(idOf(finalist)) ?? null,
      })),
    };
  }

  /** Null while the finalists stage is not published: nothing to score yet. */
  private async currentFinalists(editionId: string): Promise<PublicFinalists | null> {
    try {
      return await this.finalists.execute(editionId);
    } catch (error) {
      if (error instanceof StageNotPublishedError) return null;
      throw error;
    }
  }
}
