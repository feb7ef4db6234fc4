import { Injectable } from '@nestjs/common';
import type { AwardTier } from '@kipp/contracts';
import { PlenaryRepository } from '../plenary.repository';

export interface PublicResult {
  proposalId: string;
  title: string;
  institutionId: string;
  institutionName: string | null;
  categoryId: string;
  groupId: string;
  tiers: AwardTier[];
}

/** The published results anyone may read: tiers and who, never scores or ranks by score. */
@Injectable()
export class GetPublicResultsUseCase {
  constructor(private readonly repository: PlenaryRepository) {}

  async execute(editionId: string): Promise<PublicResult[]> {
    const awards = await this.repository.awardsOfEdition(editionId);
    const names = await this.repository.institutionNames([
      ...new Set(awards.map((a) => a.institutionId)),
    ]);
    return awards.map((a) => ({
      proposalId: a._id,
      title: a.title,
      institutionId: a.institutionId,
      institutionName: names.get(a.institutionId) ?? null,
      categoryId: a.categoryId,
      groupId: a.groupId,
      tiers: a.tiers,
    }));
  }
}
