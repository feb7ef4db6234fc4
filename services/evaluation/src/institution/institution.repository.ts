import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { INSTITUTION_PROJECTION_MODEL, type InstitutionProjection } from './institution.schema';

export type InstitutionRecord = Omit<InstitutionProjection, 'createdAt' | 'updatedAt'>;

@Injectable()
export class InstitutionRepository {
  constructor(
    @InjectModel(INSTITUTION_PROJECTION_MODEL)
    private readonly model: Model<InstitutionProjection>,
  ) {}

  async findById(
    institutionId: string,
    session?: ClientSession,
  ): Promise<InstitutionProjection | null> {
    return this.model
      .findById(institutionId)
      .session(session ?? null)
      .lean<InstitutionProjection>()
      .exec();
  }

  async findMany(institutionIds: readonly string[]): Promise<InstitutionProjection[]> {
    if (institutionIds.length === 0) return [];
    return this.model
      .find({ _id: { $in: [...new Set(institutionIds)] } })
      .lean<InstitutionProjection[]>()
      .exec();
  }

  /** Replaces the record; the caller has checked the revision inside the same session. */
  async upsert(institution: InstitutionRecord, session: ClientSession): Promise<void> {
    const { _id, ...fields } = institution;
    await this.model.updateOne({ _id }, { $set: fields }, { upsert: true, session }).exec();
  }
}
