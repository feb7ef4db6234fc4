import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AWARD_MODEL, type Award } from '../award/award.schema';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../edition/edition.schema';
import {
  INSTITUTION_PROJECTION_MODEL,
  type InstitutionProjection,
} from '../institution/institution.schema';
import { EVALUATION_PROPOSAL_MODEL, type EvaluationProposal } from '../proposal/proposal.schema';
import { STAGE_PUBLICATION_MODEL, type StagePublication } from '../stage/stage-publication.schema';
import type { AwardSources } from './award-rows';
import { FinalResultsNotPublishedError } from './output.errors';
import {
  EditionNotConfiguredForEvaluationError,
  EditionNotFoundError,
} from '../edition/edition.errors';

/** Reads what the exports print: an edition's awards joined with proposals and institutions. */
@Injectable()
export class OutputRepository {
  constructor(
    @InjectModel(AWARD_MODEL) private readonly awards: Model<Award>,
    @InjectModel(EDITION_PROJECTION_MODEL) private readonly editions: Model<EditionProjection>,
    @InjectModel(INSTITUTION_PROJECTION_MODEL)
    private readonly institutions: Model<InstitutionProjection>,
    @InjectModel(EVALUATION_PROPOSAL_MODEL) private readonly proposals: Model<EvaluationProposal>,
    @InjectModel(STAGE_PUBLICATION_MODEL)
    private readonly publications: Model<StagePublication>,
  ) {}

  /** The edition's configuration; 404 when unknown, 409 without evaluation settings. */
  async evaluationEdition(editionId: string): Promise<EditionProjection> {
    const edition = await this.editions.findById(editionId).lean<EditionProjection>().exec();
    if (!edition) throw new EditionNotFoundError(editionId);
    if (!edition.configuration.evaluation) {
      throw new EditionNotConfiguredForEvaluationError(editionId);
    }
    return edition;
  }

  /**
   * `evaluationEdition`, and 409 `RESULTS_NOT_PUBLISHED` until the edition has a `final`
   * stage publication: the awards are not official before it.
   */
  async publishedEdition(editionId: string): Promise<EditionProjection> {
    const edition = await this.evaluationEdition(editionId);
    // Uses { editionId, stage, version }.
    const final = await this.publications.exists({ editionId, stage: 'final' }).exec();
    if (!final) throw new FinalResultsNotPublishedError(editionId);
    return edition;
  }

  async awardSources(editionId: string): Promise<AwardSources> {
    // Uses { editionId, groupId, rank }.
    const awards = await this.awards
      .find({ editionId })
      .select({ outbox: 0 })
      .sort({ groupId: 1, rank: 1, _id: 1 })
      .lean<Award[]>()
      .exec();
    const institutionIds = [...new Set(awards.map((award) => award.institutionId))];
    const [institutions, proposals] = await Promise.all([
      this.institutions
        .find({ _id: { $in: institutionIds } })
        .lean<InstitutionProjection[]>()
        .exec(),
      this.proposals
        .find({ _id: { $in: awards.map((award) => award._id) } })
        .select({ snapshot: 1, institution: 1 })
        .lean<Pick<EvaluationProposal, '_id' | 'snapshot' | 'institution'>[]>()
        .exec(),
    ]);
    return {
      awards,
      institutions: new Map(institutions.map((institution) => [institution._id, institution])),
      proposals: new Map(
        proposals.map((proposal) => [
          proposal._id,
          { snapshot: proposal.snapshot, institution: proposal.institution },
        ]),
      ),
    };
  }
}
