import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import {
  INNOVATION_PROJECTION_MODEL,
  PRIOR_AWARD_MODEL,
  type InnovationProjection,
  type PriorAward,
} from './innovation.schema';
import type { InnovationLookup, InstitutionAward, KnownInnovation } from './innovation-lookup';

export type InnovationChange = Omit<InnovationProjection, 'createdAt' | 'updatedAt'>;
export type PriorAwardChange = Omit<PriorAward, 'createdAt' | 'updatedAt'>;

/** The only file touching the `innovations` and `prior_awards` collections. */
@Injectable()
export class InnovationRepository implements InnovationLookup {
  constructor(
    @InjectModel(INNOVATION_PROJECTION_MODEL)
    private readonly innovations: Model<InnovationProjection>,
    @InjectModel(PRIOR_AWARD_MODEL) private readonly awards: Model<PriorAward>,
  ) {}

  async revisionOf(innovationId: string, session: ClientSession): Promise<number | null> {
    const found = await this.innovations
      .findById(innovationId, { revision: 1 })
      .session(session)
      .lean<Pick<InnovationProjection, 'revision'>>()
      .exec();
    return found?.revision ?? null;
  }

  /** Sets the record; the caller has checked the revision inside the same session. */
  async upsertInnovation(change: InnovationChange, session: ClientSession): Promise<void> {
    const { _id, ...fields } = change;
    await this.innovations.updateOne({ _id }, { $set: fields }, { upsert: true, session }).exec();
  }

  async upsertPriorAward(change: PriorAwardChange, session: ClientSession): Promise<void> {
    const { _id, ...fields } = change;
    await this.awards.updateOne({ _id }, { $set: fields }, { upsert: true, session }).exec();
  }

  async findInnovations(innovationIds: readonly string[]): Promise<KnownInnovation[]> {
    if (innovationIds.length === 0) return [];
    const rows = await this.innovations
      .find({ _id: { $in: [...innovationIds] } }, { title: 1, institutionId: 1, awards: 1 })
      .lean<Pick<InnovationProjection, '_id' | 'title' | 'institutionId' | 'awards'>[]>()
      .exec();
    return rows.map((r) => ({
      innovationId: r._id,
      title: r.title,
      institutionId: r.institutionId,
      tiers: r.awards.map((a) => a.tier),
    }));
  }

  async awardsOf(institutionId: string): Promise<InstitutionAward[]> {
    const [innovations, granted] = await Promise.all([
      this.innovations
        .find({ institutionId }, { title: 1, awards: 1 })
        .lean<Pick<InnovationProjection, 'title' | 'awards'>[]>()
        .exec(),
      this.awards
        .find({ institutionId }, { editionId: 1, year: 1, title: 1, tiers: 1 })
        .lean<Pick<PriorAward, 'editionId' | 'year' | 'title' | 'tiers'>[]>()
        .exec(),
    ]);
    const fromDatabase = innovations.flatMap((innovation) =>
      innovation.awards.map((award) => ({
        editionId: award.editionId,
        year: award.year,
        title: innovation.title,
        tiers: [award.tier],
      })),
    );
    const fromEvaluation = granted.map((a) => ({
      editionId: a.editionId,
      year: a.year,
      title: a.title,
      tiers: a.tiers,
    }));
    return [...fromEvaluation, ...fromDatabase];
  }
}
