import { Injectable } from '@nestjs/common';
import { ObjectionRepository } from '../objection.repository';

export interface PublicObjection {
  objectionId: string;
  proposalId: string;
  proposalTitle: string;
  institutionName: string | null;
  filedAt: Date;
  status: 'pending' | 'upheld' | 'dismissed';
  reason: string | null;
  resolvedAt: Date | null;
}

/**
 * Objections as the public sees them: which finalist, when, and the outcome with its
 * reason. Never the objector's name, email, grounds or evidence (the grounds may name
 * people; the reason written by the secretariat is what is public).
 */
@Injectable()
export class ListPublicObjectionsUseCase {
  constructor(private readonly objections: ObjectionRepository) {}

  async execute(editionId: string): Promise<PublicObjection[]> {
    return (await this.objections.listByEdition(editionId)).map((o) => ({
      objectionId: o._id,
      proposalId: o.proposalId,
      proposalTitle: o.proposalTitle,
      institutionName: o.institutionName,
      filedAt: o.filedAt,
      status: o.resolution?.outcome ?? 'pending',
      reason: o.resolution?.reason ?? null,
      resolvedAt: o.resolution?.resolvedAt ?? null,
    }));
  }
}
