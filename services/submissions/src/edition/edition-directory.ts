import { Injectable } from '@nestjs/common';
import { EditionNotFoundError } from './edition.errors';
import { EditionProjectionRepository } from './edition.repository';
import type { EditionProjection } from './edition.schema';

/** What other features of this service know of an edition: its projection, or 404. */
@Injectable()
export class EditionDirectory {
  constructor(private readonly editions: EditionProjectionRepository) {}

  async get(editionId: string): Promise<EditionProjection> {
    const edition = await this.editions.findById(editionId);
    if (!edition) throw new EditionNotFoundError(editionId);
    return edition;
  }

  /** The instant submission closes, or null when the calendar has no submission phase. */
  async closeOf(editionId: string): Promise<Date | null> {
    return (await this.get(editionId)).submissionClosesAt;
  }
}
