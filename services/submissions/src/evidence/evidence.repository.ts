import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../edition/edition.schema';
import {
  EDITABLE_STATUSES,
  PROPOSAL_MODEL,
  type Proposal,
  type ProposalEvidence,
} from '../proposal/proposal.schema';

/** What evidence handling reads of a proposal. */
export type ProposalForEvidence = Pick<
  Proposal,
  | '_id'
  | 'editionId'
  | 'groupId'
  | 'institutionId'
  | 'unitId'
  | 'status'
  | 'revision'
  | 'evidence'
  | 'snapshots'
>;

@Injectable()
export class EvidenceRepository {
  constructor(
    @InjectModel(PROPOSAL_MODEL) private readonly proposals: Model<Proposal>,
    @InjectModel(EDITION_PROJECTION_MODEL) private readonly editions: Model<EditionProjection>,
  ) {}

  async findProposal(proposalId: string): Promise<ProposalForEvidence | null> {
    return this.proposals
      .findById(proposalId, {
        editionId: 1,
        groupId: 1,
        institutionId: 1,
        unitId: 1,
        status: 1,
        revision: 1,
        evidence: 1,
        snapshots: 1,
      })
      .lean<ProposalForEvidence>()
      .exec();
  }

  async findEdition(editionId: string): Promise<EditionProjection | null> {
    return this.editions.findById(editionId).lean<EditionProjection>().exec();
  }

  /**
   * Writes the proposal's evidence list and bumps its revision, only if nobody changed the
   * proposal since `revision` was read and it is still editable. Returns whether it applied.
   */
  async replaceEvidence(
    proposalId: string,
    revision: number,
    evidence: readonly ProposalEvidence[],
  ): Promise<boolean> {
    const result = await this.proposals
      .updateOne(
        { _id: proposalId, revision, status: { $in: EDITABLE_STATUSES } },
        { $set: { evidence }, $inc: { revision: 1 } },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /**
   * Which of `fileIds` a proposal still points at, as current evidence or in any forwarded
   * snapshot (withdrawn proposals included: their snapshots stay on record).
   */
  async referencedFileIds(fileIds: readonly string[]): Promise<Set<string>> {
    if (fileIds.length === 0) return new Set();
    const rows = await this.proposals
      .find(
        {
          $or: [
            { 'evidence.fileId': { $in: fileIds } },
            { 'snapshots.evidence.fileId': { $in: fileIds } },
          ],
        },
        { 'evidence.fileId': 1, 'snapshots.evidence.fileId': 1 },
      )
      .lean<Pick<Proposal, 'evidence' | 'snapshots'>[]>()
      .exec();
    const wanted = new Set(fileIds);
    const referenced = new Set<string>();
    for (const row of rows) {
      const entries = [...row.evidence, ...row.snapshots.flatMap((s) => s.evidence)];
      for (const { fileId } of entries) if (wanted.has(fileId)) referenced.add(fileId);
    }
    return referenced;
  }
}
