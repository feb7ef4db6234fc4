import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, ClientSession, Model, QueryFilter } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import {
  EVALUATION_PROPOSAL_MODEL,
  type EvaluationProposal,
  type SelectionDecision,
} from '../proposal/proposal.schema';
import type { EditionTitle } from './selection-checks';

export type SelectionOutcomeFilter = 'undecided' | 'pass' | 'fail';

export interface SelectionListFilter {
  outcome?: SelectionOutcomeFilter | undefined;
  groupId?: EvaluationProposal['groupId'] | undefined;
  categoryId?: string | undefined;
}

export interface SelectionCounts {
  total: number;
  undecided: number;
  pass: number;
  fail: number;
  withdrawn: number;
}

/** A decision to store, guarded by the state it was validated against. */
export interface DecisionWrite {
  proposal: Pick<
    EvaluationProposal,
    '_id' | 'snapshotVersion' | 'selection' | 'lastSelectionRevision'
  >;
  decision: SelectionDecision;
  event: PendingEvent;
}

/** Administrative selection's reads and writes on the forwarded proposals. */
@Injectable()
export class SelectionRepository {
  constructor(
    @InjectModel(EVALUATION_PROPOSAL_MODEL) private readonly model: Model<EvaluationProposal>,
  ) {}

  async findById(proposalId: string): Promise<EvaluationProposal | null> {
    return this.model.findById(proposalId).lean<EvaluationProposal>().exec();
  }

  async findMany(proposalIds: readonly string[]): Promise<EvaluationProposal[]> {
    return this.model
      .find({ _id: { $in: [...proposalIds] } })
      .lean<EvaluationProposal[]>()
      .exec();
  }

  /** One page of an edition's forwarded, not withdrawn proposals in id order. */
  async page(
    editionId: string,
    filter: SelectionListFilter,
    skip: number,
    limit: number,
  ): Promise<{ items: EvaluationProposal[]; total: number }> {
    const query = listQuery(editionId, filter);
    const [items, total] = await Promise.all([
      this.model
        .find(query)
        .sort({ _id: 1 })
        .skip(skip)
        .limit(limit)
        .lean<EvaluationProposal[]>()
        .exec(),
      this.model.countDocuments(query).exec(),
    ]);
    return { items, total };
  }

  /** Titles of the edition's forwarded, not withdrawn proposals (the duplicate-title check). */
  async titles(editionId: string): Promise<EditionTitle[]> {
    const rows = await this.model
      .find({ editionId, withdrawnAt: null }, { _id: 1, title: 1, institutionId: 1 })
      .lean<Pick<EvaluationProposal, '_id' | 'title' | 'institutionId'>[]>()
      .exec();
    return rows.map((r) => ({ proposalId: r._id, institutionId: r.institutionId, title: r.title }));
  }

  async listByInstitution(institutionId: string, editionId: string): Promise<EvaluationProposal[]> {
    return this.model
      .find({ institutionId, editionId, withdrawnAt: null })
      .sort({ _id: 1 })
      .lean<EvaluationProposal[]>()
      .exec();
  }

  async counts(editionId: string): Promise<SelectionCounts> {
    const rows = await this.model
      .aggregate<{ _id: { withdrawn: boolean; outcome: string | null }; n: number }>([
        { $match: { editionId } },
        {
          $group: {
            _id: {
              withdrawn: { $ne: [{ $ifNull: ['$withdrawnAt', null] }, null] },
              outcome: { $ifNull: ['$selection.outcome', null] },
            },
            n: { $sum: 1 },
          },
        },
      ])
      .exec();
    const counts: SelectionCounts = { total: 0, undecided: 0, pass: 0, fail: 0, withdrawn: 0 };
    for (const { _id, n } of rows) {
      if (_id.withdrawn) {
        counts.withdrawn += n;
        continue;
      }
      counts.total += n;
      if (_id.outcome === 'pass') counts.pass += n;
      else if (_id.outcome === 'fail') counts.fail += n;
      else counts.undecided += n;
    }
    return counts;
  }

  /**
   * Stores the decisions with their events, each only if the proposal is still as validated
   * (same snapshot, same decision, not withdrawn). Returns how many were stored; the caller
   * aborts its transaction when that is not all of them.
   */
  async record(writes: readonly DecisionWrite[], session?: ClientSession): Promise<number> {
    if (writes.length === 0) return 0;
    const operations: AnyBulkWriteOperation<EvaluationProposal>[] = writes.map(
      ({ proposal, decision, event }) => ({
        updateOne: {
          filter: {
            _id: proposal._id,
            snapshotVersion: proposal.snapshotVersion,
            withdrawnAt: null,
            ...(proposal.selection
              ? { 'selection.revision': proposal.selection.revision }
              : { selection: null }),
            lastSelectionRevision: { $in: [proposal.lastSelectionRevision ?? 0, null] },
          },
          update: {
            $set: { selection: decision, lastSelectionRevision: decision.revision },
            $push: pushToOutbox([event]),
          },
        },
      }),
    );
    const result = await this.model.bulkWrite(operations, {
      ordered: true,
      ...(session ? { session } : {}),
    });
    return result.modifiedCount;
  }
}

function listQuery(
  editionId: string,
  filter: SelectionListFilter,
): QueryFilter<EvaluationProposal> {
  const query: QueryFilter<EvaluationProposal> = { editionId, withdrawnAt: null };
  if (filter.outcome === 'undecided') query.selection = null;
  else if (filter.outcome) query['selection.outcome'] = filter.outcome;
  if (filter.groupId) query.groupId = filter.groupId;
  if (filter.categoryId) query.categoryId = filter.categoryId;
  return query;
}
