import { Injectable } from '@nestjs/common';
import type { EditionConfiguration } from '@kipp/contracts';
import type { EditionProjection } from '../edition/edition.schema';
import { requireEvaluatedEdition } from '../edition/evaluated-edition';
import { FinalistsRepository, type FinalistProposal } from './finalists.repository';
import { EditionNotFoundError, FinalistsNotPublishedError } from './plenary.errors';
import type { PlenaryCandidate } from './plenary-tiers';
import { PlenaryRepository } from './plenary.repository';

export interface PlenaryInputs {
  edition: EditionProjection;
  configuration: EditionConfiguration;
  finalists: FinalistProposal[];
  candidates: PlenaryCandidate[];
  /** Finalists without a submitted panel score, by id. */
  missingPanelScores: string[];
}

/** Loads what the plenary ranks: the current finalists with their panel and desk scores. */
@Injectable()
export class PlenaryInputsLoader {
  constructor(
    private readonly finalists: FinalistsRepository,
    private readonly plenary: PlenaryRepository,
  ) {}

  async load(editionId: string): Promise<PlenaryInputs> {
    const edition = await this.finalists.findEdition(editionId);
    if (!edition) throw new EditionNotFoundError(editionId);
    requireEvaluatedEdition(editionId, edition);
    const finalists = await this.finalists.finalists(editionId);
    if (!finalists) throw new FinalistsNotPublishedError(editionId);
    const ids = finalists.map((f) => f._id);
    const [panel, desk] = await Promise.all([
      this.plenary.panelScores(editionId, ids),
      this.plenary.deskResultsOf(ids),
    ]);
    const candidates = finalists.map((f) => ({
      proposalId: f._id,
      groupId: f.groupId,
      panelScore: panel.get(f._id) ?? null,
      deskNormalized: desk.get(f._id)?.normalizedMean ?? null,
      deskRaw: desk.get(f._id)?.rawMean ?? null,
      forwardedAt: new Date(f.forwardedAt),
    }));
    return {
      edition,
      configuration: edition.configuration,
      finalists,
      candidates,
      missingPanelScores: ids.filter((id) => !panel.has(id)),
    };
  }
}
