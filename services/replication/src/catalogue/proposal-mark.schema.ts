import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';

/**
 * One row per proposal (`<proposalId>`) and per institution (`institution:<id>`) the
 * catalogue has handled events of. The award handler and the snapshot (or registry)
 * handler both write it, so two such events handled at the same instant conflict and one
 * retries after the other committed: neither sees the other's data missing for good.
 */
export interface ProposalMark {
  _id: string;
  touches: number;
  createdAt: Date;
  updatedAt: Date;
}

export const PROPOSAL_MARK_MODEL = 'CatalogueProposalMark';
export const proposalMarkSchema = new Schema<ProposalMark>(
  {
    _id: { type: String, required: true },
    touches: { type: Number, required: true, default: 0 },
  },
  schemaOptions('catalogue_proposal_marks'),
);
