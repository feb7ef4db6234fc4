import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope, PayloadOf, ProposalWithdrawnV1 } from '@kipp/contracts';
import { ProposalNotYetForwardedError } from '../proposal.errors';
import { ProposalRepository } from '../proposal.repository';

export type ProposalWithdrawn = EventEnvelope<PayloadOf<typeof ProposalWithdrawnV1>>;

/** Takes a withdrawn proposal out of every stage (the first withdrawal instant is kept). */
@Injectable()
export class RecordWithdrawnProposalUseCase {
  constructor(private readonly proposals: ProposalRepository) {}

  async execute(event: ProposalWithdrawn, session: ClientSession): Promise<void> {
    const { proposalId, wasForwarded, withdrawnAt } = event.payload;
    const found = await this.proposals.markWithdrawn(proposalId, new Date(withdrawnAt), session);
    // The forward travels on another topic and may come later: retry until it is here.
    if (!found && wasForwarded) {
      throw new ProposalNotYetForwardedError(`proposal ${proposalId} not forwarded here yet`);
    }
  }
}
