import { Injectable } from '@nestjs/common';
import { ObjectionRepository, type StoredObjection } from '../objection.repository';

/** Every objection of an edition with the objector's contact, for the secretariat. */
@Injectable()
export class ListObjectionsUseCase {
  constructor(private readonly objections: ObjectionRepository) {}

  async execute(editionId: string): Promise<StoredObjection[]> {
    return this.objections.listByEdition(editionId);
  }
}
