import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../edition/edition.schema';
import { EVALUATION_PROPOSAL_MODEL, type EvaluationProposal } from '../proposal/proposal.schema';
import { STAGE_PUBLICATION_MODEL, type StagePublication } from '../stage/stage-publication.schema';

export type FinalistProposal = Omit<EvaluationProposal, 'outbox' | 'snapshot'>;

/**
 * Reads the finalists every later step works on: the advanced entries of the highest
 * version of the edition's `finalists` publication, minus disqualified or withdrawn
 * proposals. Shared by interview, field verification and plenary.
 */
@Injectable()
export class FinalistsRepository {
  constructor(
    @InjectModel(EDITION_PROJECTION_MODEL) private readonly editions: Model<EditionProjection>,
    @InjectModel(STAGE_PUBLICATION_MODEL)
    private readonly publications: Model<StagePublication>,
    @InjectModel(EVALUATION_PROPOSAL_MODEL)
    private readonly proposals: Model<EvaluationProposal>,
  ) {}

  async findEdition(editionId: string): Promise<EditionProjection | null> {
    return this.editions.findById(editionId).lean<EditionProjection>().exec();
  }

  async findProposal(proposalId: string): Promise<FinalistProposal | null> {
    return this.proposals
      .findById(proposalId, { outbox: 0, snapshot: 0 })
      .lean<FinalistProposal>()
      .exec();
  }

  /** Null when no finalists were published for the edition. */
  async finalists(editionId: string): Promise<FinalistProposal[] | null> {
    const [publication] = await this.publications
      .find({ editionId, stage: 'finalists' }, { entries: 1 })
      .sort({ version: -1 })
      .limit(1)
      .lean<Pick<StagePublication, 'entries'>[]>()
      .exec();
    if (!publication) return null;
    const ids = publication.entries.filter((e) => e.advanced).map((e) => e.proposalId);
    return this.proposals
      .find(
        { _id: { $in: ids }, editionId, disqualification: null, withdrawnAt: null },
        { outbox: 0, snapshot: 0 },
      )
      .sort({ _id: 1 })
      .lean<FinalistProposal[]>()
      .exec();
  }

  /** The proposal when it is a current finalist, else null. */
  async findFinalist(proposalId: string): Promise<FinalistProposal | null> {
    const proposal = await this.findProposal(proposalId);
    if (!proposal || proposal.disqualification || proposal.withdrawnAt) return null;
    const finalists = await this.finalists(proposal.editionId);
    return finalists?.some((f) => f._id === proposalId) ? proposal : null;
  }
}
