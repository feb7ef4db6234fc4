import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKeyError } from '@kipp/mongo';
import { UnitNameTakenError } from './unit.errors';
import { UNIT_MODEL, type Unit } from './unit.schema';

@Injectable()
export class UnitRepository {
  constructor(@InjectModel(UNIT_MODEL) private readonly model: Model<Unit>) {}

  async insert(unit: Omit<Unit, 'createdAt' | 'updatedAt'>): Promise<Unit> {
    try {
      const created = await this.model.create(unit);
      return created.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new UnitNameTakenError(unit.name);
      throw error;
    }
  }

  async findInInstitution(institutionId: string, unitId: string): Promise<Unit | null> {
    return this.model.findOne({ _id: unitId, institutionId }).lean<Unit>().exec();
  }

  async listByInstitution(institutionId: string): Promise<Unit[]> {
    return this.model.find({ institutionId }).sort({ nameKey: 1 }).lean<Unit[]>().exec();
  }
}
