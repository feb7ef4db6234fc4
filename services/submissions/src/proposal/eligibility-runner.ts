import { Injectable } from '@nestjs/common';
import type { EditionProjection } from '../edition/edition.schema';
import { checkEligibility, type EligibilityInput } from './eligibility';
import { ProposalRepository } from './proposal.repository';
import type { EligibilityCheck } from './proposal.schema';

/** Feeds the pure pre-checks with what they need from the database. */
@Injectable()
export class EligibilityRunner {
  constructor(private readonly proposals: ProposalRepository) {}

  async run(
    proposal: EligibilityInput & { institutionId: string },
    edition: EditionProjection,
  ): Promise<EligibilityCheck[]> {
    const otherTitles = await this.proposals.otherTitles(proposal.institutionId, proposal._id);
    return checkEligibility(proposal, {
      configuration: edition.configuration,
      closesAt: edition.submissionClosesAt,
      otherTitles,
    });
  }
}
