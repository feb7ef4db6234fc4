import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import type { EditionConfiguration, EditionPhase } from '@kipp/contracts';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from './edition.schema';
import { unsetOrBefore } from '@kipp/mongo';

@Injectable()
export class EditionRepository {
  constructor(
    @InjectModel(EDITION_PROJECTION_MODEL) private readonly model: Model<EditionProjection>,
  ) {}

  async findById(editionId: string, session?: ClientSession): Promise<EditionProjection | null> {
    return this.model
      .findById(editionId)
      .session(session ?? null)
      .lean<EditionProjection>()
      .exec();
  }

  /** Sets the configuration; the caller has checked the revision inside the same session. */
  async applyConfiguration(
    editionId: string,
    configuration: EditionConfiguration,
    revision: number,
    phaseOnInsert: EditionPhase | null,
    session: ClientSession,
  ): Promise<void> {
    await this.model
      .updateOne(
        { _id: editionId },
        {
          $set: { configuration, revision },
          $setOnInsert: { currentPhase: phaseOnInsert, currentPhaseChangedAt: null },
        },
        { upsert: true, session },
      )
      .exec();
  }

  /** Applies a phase unless a later phase change is already stored. */
  async applyPhase(
    editionId: string,
    phase: EditionPhase,
    changedAt: Date,
    session: ClientSession,
  ): Promise<void> {
    await this.model
      .updateOne(
        {
          _id: editionId,
          currentPhaseChangedAt: unsetOrBefore(changedAt),
        },
        { $set: { currentPhase: phase, currentPhaseChangedAt: changedAt } },
        { session },
      )
      .exec();
  }
}
