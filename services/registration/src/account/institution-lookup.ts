import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { INSTITUTION_MODEL, type Institution } from '../institution/institution.schema';
import { InstitutionNotRegisteredError } from './account.errors';

/**
 * Read-only check that an institution is in the registry, for accounts, units and
 * local-admin requests. The institution feature does not export its repository, so this
 * reads the same collection by id and nothing else.
 */
@Injectable()
export class InstitutionLookup {
  constructor(@InjectModel(INSTITUTION_MODEL) private readonly model: Model<Institution>) {}

  async assertRegistered(institutionId: string): Promise<void> {
    const found = await this.model.exists({ _id: institutionId }).exec();
    if (!found) throw new InstitutionNotRegisteredError(institutionId);
  }
}
