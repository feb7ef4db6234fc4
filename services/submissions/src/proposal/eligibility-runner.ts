import { Injectable } from '@nestjs/common';
import type { EditionProjection } from '../edition/edition.schema';
import { InnovationLookup } from '../innovation/innovation-lookup';
import { checkEligibility, type EligibilityInput } from './eligibility';
import { ProposalRepository } from './proposal.repository';
import type { EligibilityCheck } from './proposal.schema';

/** Feeds the pure pre-checks with what they need from the database. */
@Injectable()
export class EligibilityRunner {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly innovations: InnovationLookup,
  ) {}

  async run(
    proposal: EligibilityInput & { institutionId: string },
    edition: EditionProjection,
  ): Promise<EligibilityCheck[]> {
    const [otherTitles, sourceInnovations, priorAwards] = await Promise.all([
      this.proposals.otherTitles(proposal.institutionId, proposal._id),
      this.innovations.findInnovations(proposal.sourceInnovationIds),
      this.innovations.awardsOf(proposal.institutionId),
    ]);
    return checkEligibility(proposal, {
      configuration: edition.configuration,
      closesAt: edition.submissionClosesAt,
      institutionId: proposal.institutionId,
      otherTitles,
      sourceInnovations,
      priorAwards,
    });
  }
}
