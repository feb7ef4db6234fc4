import { Injectable } from '@nestjs/common';
import { institutionNameOf } from '../../proposal/scorer-proposal';
import { compareIds } from '../desk-ranking';
import { StageNotPublishedError } from '../stage.errors';
import { StageRepository } from '../stage.repository';

export interface PublicFinalist {
  proposalId: string;
  title: string;
  institutionName: string | null;
  categoryId: string;
  groupId: string;
}

export interface PublicFinalists {
  editionId: string;
  publishedAt: Date;
  finalists: PublicFinalist[];
}

/**
 * The current finalists for anyone: names and titles, never scores or ranks (listed by
 * group, category and title so the order reveals no ranking). A finalist disqualified or
 * withdrawn since the publication is no longer listed.
 */
@Injectable()
export class ListPublicFinalistsUseCase {
  constructor(private readonly stages: StageRepository) {}

  async execute(editionId: string): Promise<PublicFinalists> {
    const publication = await this.stages.latest(editionId, 'finalists');
    if (!publication) throw new StageNotPublishedError(editionId, 'finalists');
    const ids = publication.entries.filter((e) => e.advanced).map((e) => e.proposalId);
    const proposals = (await this.stages.proposalsByIds(ids)).filter(
      (p) => p.disqualification === null && p.withdrawnAt === null,
    );
    const missing = proposals.filter((p) => p.institution === null).map((p) => p.institutionId);
    const names = new Map(
      (await this.stages.institutionsByIds(missing)).map((i) => [i._id, i.name]),
    );
    const finalists = proposals.map((p) => ({
      proposalId: p._id,
      title: p.title,
      institutionName: institutionNameOf(p, names.get(p.institutionId) ?? null),
      categoryId: p.categoryId,
      groupId: p.groupId,
    }));
    finalists.sort(
      (a, b) =>
        compareIds(a.groupId, b.groupId) ||
        compareIds(a.categoryId, b.categoryId) ||
        a.title.localeCompare(b.title, 'id') ||
        compareIds(a.proposalId, b.proposalId),
    );
    return { editionId, publishedAt: publication.publishedAt, finalists };
  }
}
