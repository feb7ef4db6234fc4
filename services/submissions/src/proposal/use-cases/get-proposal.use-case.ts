import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { EditionDirectory } from '../../edition/edition-directory';
import type { EditionProjection } from '../../edition/edition.schema';
import { ProposalLoader } from '../proposal-loader';
import type { Proposal } from '../proposal.schema';

/** One proposal with its edition, for the form view; scoped to who may see it. */
@Injectable()
export class GetProposalUseCase {
  constructor(
    private readonly loader: ProposalLoader,
    private readonly editions: EditionDirectory,
  ) {}

  async execute(
    proposalId: string,
    actor: AuthenticatedUser,
  ): Promise<{ proposal: Proposal; edition: EditionProjection }> {
    const proposal = await this.loader.visible(proposalId, actor);
    const edition = await this.editions.get(proposal.editionId);
    return { proposal, edition };
  }
}
