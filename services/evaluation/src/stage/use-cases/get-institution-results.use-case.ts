import { Injectable } from '@nestjs/common';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { EVALUATION_STAGES } from '@kipp/contracts';
import type { EvaluationStage } from '../stage-publication.schema';
import { StageRepository } from '../stage.repository';

export interface InstitutionStageResult {
  stage: EvaluationStage;
  publicationId: string;
  version: number;
  publishedAt: Date;
  entries: {
    proposalId: string;
    title: string | null;
    rank: number;
    score: number | null;
    advanced: boolean;
  }[];
}

/**
 * An institution's own entries in every published stage (the current publication of
 * each), for its local admin and unit operators; nothing before a stage is published.
 */
@Injectable()
export class GetInstitutionResultsUseCase {
  constructor(private readonly stages: StageRepository) {}

  async execute(
    user: AuthenticatedUser,
    institutionId: string,
    editionId: string,
  ): Promise<InstitutionStageResult[]> {
    assertInstitutionScope(user, institutionId);
    const results: InstitutionStageResult[] = [];
    for (const stage of EVALUATION_STAGES) {
      const publication = await this.stages.latest(editionId, stage);
      if (!publication) continue;
      const own = publication.entries.filter((e) => e.institutionId === institutionId);
      if (own.length === 0) continue;
      const titles = new Map(
        (await this.stages.proposalsByIds(own.map((e) => e.proposalId))).map((p) => [
          p._id,
          p.title,
        ]),
      );
      results.push({
        stage,
        publicationId: publication._id,
        version: publication.version,
        publishedAt: publication.publishedAt,
        entries: own.map((e) => ({
          proposalId: e.proposalId,
          title: titles.get(e.proposalId) ?? null,
          rank: e.rank,
          score: e.score,
          advanced: e.advanced,
        })),
      });
    }
    return results;
  }
}
