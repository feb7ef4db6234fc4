import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { INSTITUTION_PROJECTION_MODEL, type InstitutionProjection } from './institution.schema';

@Injectable()
export class InstitutionProjectionRepository {
  constructor(
    @InjectModel(INSTITUTION_PROJECTION_MODEL)
    private readonly model: Model<InstitutionProjection>,
  ) {}

  async upsert(institution: InstitutionProjection, session: ClientSession): Promise<void> {
    const { _id, ...fields } = institution;
    await this.model.updateOne({ _id }, { $set: fields }, { upsert: true, session }).exec();
  }

  async findById(institutionId: string): Promise<InstitutionProjection | null> {
    return this.model.findById(institutionId).lean<InstitutionProjection>().exec();
  }
}
