import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { DESK_RESULT_MODEL, type DeskResult } from '../calibration/desk-result.schema';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../edition/edition.schema';
import {
  INSTITUTION_PROJECTION_MODEL,
  type InstitutionProjection,
} from '../institution/institution.schema';
import { EVALUATION_PROPOSAL_MODEL, type EvaluationProposal } from '../proposal/proposal.schema';
import {
  STAGE_PUBLICATION_MODEL,
  type EvaluationStage,
  type StagePublication,
} from './stage-publication.schema';

/** The fields of a proposal the stages read (never the snapshot: it is large). */
export type StageProposal = Pick<
  EvaluationProposal,
  | '_id'
  | 'editionId'
  | 'groupId'
  | 'categoryId'
  | 'institutionId'
  | 'title'
  | 'institution'
  | 'forwardedAt'
  | 'withdrawnAt'
  | 'selection'
  | 'disqualification'
>;

export type StoredPublication = Omit<
  StagePublication,
  'outbox' | 'outboxLockedUntil' | 'outboxClaim'
>;
export type NewPublication = Omit<StagePublication, 'createdAt' | 'updatedAt'>;

const PROPOSAL_FIELDS = {
  editionId: 1,
  groupId: 1,
  categoryId: 1,
  institutionId: 1,
  title: 1,
  institution: 1,
  forwardedAt: 1,
  withdrawnAt: 1,
  selection: 1,
  disqualification: 1,
} as const;

/** Everything the stages read and write: publications, plus proposals, desk results, editions and institutions read-only. */
@Injectable()
export class StageRepository {
  constructor(
    @InjectModel(STAGE_PUBLICATION_MODEL) private readonly publications: Model<StagePublication>,
    @InjectModel(EVALUATION_PROPOSAL_MODEL) private readonly proposals: Model<EvaluationProposal>,
    @InjectModel(DESK_RESULT_MODEL) private readonly results: Model<DeskResult>,
    @InjectModel(EDITION_PROJECTION_MODEL) private readonly editions: Model<EditionProjection>,
    @InjectModel(INSTITUTION_PROJECTION_MODEL)
    private readonly institutions: Model<InstitutionProjection>,
  ) {}

  async findEdition(editionId: string): Promise<EditionProjection | null> {
    return this.editions.findById(editionId).lean<EditionProjection>().exec();
  }

  /** The edition's proposals that passed administrative selection. */
  async passedProposals(editionId: string): Promise<StageProposal[]> {
    return this.proposals
      .find({ editionId, 'selection.outcome': 'pass' }, PROPOSAL_FIELDS)
      .lean<StageProposal[]>()
      .exec();
  }

  async proposalsByIds(ids: readonly string[]): Promise<StageProposal[]> {
    if (ids.length === 0) return [];
    return this.proposals
      .find({ _id: { $in: [...ids] } }, PROPOSAL_FIELDS)
      .lean<StageProposal[]>()
      .exec();
  }

  async findProposal(proposalId: string): Promise<StageProposal | null> {
    return this.proposals.findById(proposalId, PROPOSAL_FIELDS).lean<StageProposal>().exec();
  }

  async deskResults(editionId: string): Promise<DeskResult[]> {
    return this.results.find({ editionId }).lean<DeskResult[]>().exec();
  }

  async institutionsByIds(ids: readonly string[]): Promise<InstitutionProjection[]> {
    if (ids.length === 0) return [];
    return this.institutions
      .find({ _id: { $in: [...ids] } })
      .lean<InstitutionProjection[]>()
      .exec();
  }

  /** The current (highest-version) publication of a stage, without its pending events. */
  async latest(
    editionId: string,
    stage: EvaluationStage,
    session?: ClientSession,
  ): Promise<StoredPublication | null> {
    return this.publications
      .findOne({ editionId, stage }, { outbox: 0, outboxLockedUntil: 0, outboxClaim: 0 })
      .sort({ version: -1 })
      .session(session ?? null)
      .lean<StoredPublication>()
      .exec();
  }

  /** Throws a duplicate-key error when another publication took this version first. */
  async insert(publication: NewPublication, session: ClientSession): Promise<void> {
    await this.publications.create([publication], { session });
  }
}
