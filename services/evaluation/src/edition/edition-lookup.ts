import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EvaluationSettings } from '@kipp/contracts';
import { EditionNotConfiguredForEvaluationError, EditionNotFoundError } from './edition.errors';
import { EditionRepository } from './edition.repository';
import type { EditionProjection } from './edition.schema';

/** What other features of this service know of an edition (exported by EditionModule). */
@Injectable()
export class EditionLookup {
  constructor(private readonly editions: EditionRepository) {}

  /** The edition's projection, or 404 `EDITION_NOT_FOUND`. */
  async require(editionId: string, session?: ClientSession): Promise<EditionProjection> {
    const edition = await this.editions.findById(editionId, session);
    if (!edition) throw new EditionNotFoundError(editionId);
    return edition;
  }

  /** The edition's `evaluation` block, or 409 `EDITION_NOT_CONFIGURED_FOR_EVALUATION`. */
  requireEvaluationSettings(edition: EditionProjection): EvaluationSettings {
    const settings = edition.configuration.evaluation;
    if (!settings) throw new EditionNotConfiguredForEvaluationError(edition._id);
    return settings;
  }
}
