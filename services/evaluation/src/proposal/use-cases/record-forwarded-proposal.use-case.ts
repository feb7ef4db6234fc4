import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope, PayloadOf, ProposalForwardedV1 } from '@kipp/contracts';
import { InstitutionRepository } from '../../institution/institution.repository';
import { ProposalRepository } from '../proposal.repository';

export type ProposalForwarded = EventEnvelope<PayloadOf<typeof ProposalForwardedV1>>;

/**
 * Keeps the latest forwarded snapshot of a proposal: a higher snapshot version replaces the
 * stored one (and a selection taken on the older version), a lower or equal one is ignored.
 */
@Injectable()
export class RecordForwardedProposalUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly institutions: InstitutionRepository,
  ) {}

  async execute(event: ProposalForwarded, session: ClientSession): Promise<void> {
    const { snapshot, forwardedAt } = event.payload;
    const stored = await this.proposals.findById(snapshot.proposalId, session);
    if (stored && stored.snapshotVersion >= snapshot.snapshotVersion) return;
    const institution = await this.institutions.findById(snapshot.institutionId, session);
    await this.proposals.applyForwarded(
      {
        snapshot,
        forwardedAt: new Date(forwardedAt),
        institution: institution
          ? {
              name: institution.name,
              type: institution.type,
              provinceCode: institution.provinceCode,
              disadvantaged: institution.disadvantaged,
            }
          : null,
      },
      session,
    );
  }
}
