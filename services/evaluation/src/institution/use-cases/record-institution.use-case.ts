import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { InstitutionRegisteredV1, PayloadOf } from '@kipp/contracts';
import { ProposalRepository } from '../../proposal/proposal.repository';
import { InstitutionRepository } from '../institution.repository';

/** The registry's record as both institution events carry it; registration is revision 0. */
export type InstitutionFacts = Omit<PayloadOf<typeof InstitutionRegisteredV1>, 'registeredAt'> & {
  revision: number;
};

/**
 * Keeps the institution projection in revision order and fills the institution on its
 * forwarded proposals that arrived before it.
 */
@Injectable()
export class RecordInstitutionUseCase {
  constructor(
    private readonly institutions: InstitutionRepository,
    private readonly proposals: ProposalRepository,
  ) {}

  async execute(facts: InstitutionFacts, session: ClientSession): Promise<void> {
    const stored = await this.institutions.findById(facts.institutionId, session);
    // The registration (revision 0) may arrive after an update on another topic: stale.
    if (stored && stored.revision >= facts.revision) return;
    const record = {
      _id: facts.institutionId,
      code: facts.code,
      name: facts.name,
      type: facts.type,
      provinceCode: facts.provinceCode,
      disadvantaged: facts.disadvantaged,
      revision: facts.revision,
    };
    await this.institutions.upsert(record, session);
    await this.proposals.fillMissingInstitution(
      facts.institutionId,
      {
        name: record.name,
        type: record.type,
        provinceCode: record.provinceCode,
        disadvantaged: record.disadvantaged,
      },
      session,
    );
  }
}
