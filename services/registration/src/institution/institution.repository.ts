import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { PendingEvent } from '@kipp/messaging';
import { isDuplicateKeyError } from '@kipp/mongo';
import { InstitutionCodeTakenError } from './institution.errors';
import { INSTITUTION_MODEL, type Institution } from './institution.schema';

export type NewInstitution = Omit<Institution, 'outbox' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class InstitutionRepository {
  constructor(@InjectModel(INSTITUTION_MODEL) private readonly model: Model<Institution>) {}

  /** Stores the institution together with the events its registration causes. */
  async insert(institution: NewInstitution, events: readonly PendingEvent[]): Promise<Institution> {
    try {
      const created = await this.model.create({ ...institution, outbox: [...events] });
      return created.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new InstitutionCodeTakenError(institution.code);
      throw error;
    }
  }

  async findById(institutionId: string): Promise<Institution | null> {
    return this.model.findById(institutionId).lean<Institution>().exec();
  }
}
