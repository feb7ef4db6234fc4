import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  FIELD_VERIFICATION_MODEL,
  type FieldPhoto,
  type FieldVerification,
} from './field-verification.schema';

export type NewFieldVerification = Omit<FieldVerification, 'createdAt' | 'updatedAt'>;

@Injectable()
export class FieldVerificationRepository {
  constructor(
    @InjectModel(FIELD_VERIFICATION_MODEL) private readonly model: Model<FieldVerification>,
  ) {}

  async insert(record: NewFieldVerification): Promise<FieldVerification> {
    return (await this.model.create(record)).toObject();
  }

  async findById(id: string): Promise<FieldVerification | null> {
    return this.model.findById(id).lean<FieldVerification>().exec();
  }

  async listOfProposal(proposalId: string): Promise<FieldVerification[]> {
    return this.model
      .find({ proposalId })
      .sort({ visitedOn: -1, _id: 1 })
      .lean<FieldVerification[]>()
      .exec();
  }

  async addPhoto(id: string, photo: FieldPhoto): Promise<FieldVerification | null> {
    return this.model
      .findByIdAndUpdate(id, { $push: { photos: photo } }, { returnDocument: 'after' })
      .lean<FieldVerification>()
      .exec();
  }
}
