import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from './edition.schema';
import { unsetOrBefore } from '@kipp/mongo';

export type EditionConfigurationChange = Pick<
  EditionProjection,
  '_id' | 'configuration' | 'revision' | 'submissionOpensAt' | 'submissionClosesAt'
>;

@Injectable()
export class EditionProjectionRepository {
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
    change: EditionConfigurationChange,
    currentPhase: string | null,
    session: ClientSession,
  ): Promise<void> {
    const { _id, ...fields } = change;
    await this.model
      .updateOne(
        { _id },
        { $set: fields, $setOnInsert: { currentPhase, currentPhaseChangedAt: null } },
        { upsert: true, session },
      )
      .exec();
  }

  async applyPhase(
    editionId: string,
    phase: string,
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
