import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import { isDuplicateKeyError } from '@kipp/mongo';
import type { EditionPhase } from './edition-calendar';
import { EditionYearTakenError } from './edition.errors';
import type { EditionSettings } from './edition-rules';
import {
  EDITION_MODEL,
  type Edition,
  type EditionHistoryEntry,
  type EditionStatus,
  type PhaseOverride,
} from './edition.schema';

export type NewEdition = Omit<
  Edition,
  'outbox' | 'createdAt' | 'updatedAt' | 'year' | 'phaseSequence' | 'phaseOverride'
>;

/** What the phase scheduler needs of a published edition. */
export type ScheduledEdition = Pick<
  Edition,
  '_id' | 'settings' | 'currentPhase' | 'phaseSequence' | 'phaseOverride' | 'revision'
>;

export interface PhaseChange {
  readonly phase: EditionPhase;
  readonly override: PhaseOverride | null;
  readonly history: EditionHistoryEntry;
  readonly events: readonly PendingEvent[];
}

@Injectable()
export class EditionRepository {
  constructor(@InjectModel(EDITION_MODEL) private readonly model: Model<Edition>) {}

  async insert(edition: NewEdition): Promise<Edition> {
    try {
      const created = await this.model.create({ ...edition, year: edition.settings.year });
      return created.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new EditionYearTakenError(edition.settings.year);
      throw error;
    }
  }

  async findById(editionId: string): Promise<Edition | null> {
    return this.model.findById(editionId).lean<Edition>().exec();
  }

  async list(filter: { status?: EditionStatus; year?: number }): Promise<Edition[]> {
    return this.model.find(filter).sort({ year: -1 }).lean<Edition[]>().exec();
  }

  async findPublishedForScheduling(): Promise<ScheduledEdition[]> {
    return this.model
      .find(
        { status: 'published' },
        {
          settings: 1,
          currentPhase: 1,
          phaseSequence: 1,
          phaseOverride: 1,
          revision: 1,
        },
      )
      .lean<ScheduledEdition[]>()
      .exec();
  }

  /**
   * Replaces the settings if the edition is still in the state read (status and revision),
   * with the history entry and events in the same write. A calendar edit ends any manual
   * phase override. Null when the edition is not (or no longer) in that state.
   */
  async replaceSettings(
    editionId: string,
    expected: { status: EditionStatus; revision: number },
    change: {
      settings: EditionSettings;
      revision: number;
      clearPhaseOverride: boolean;
      history: EditionHistoryEntry;
      events: readonly PendingEvent[];
    },
  ): Promise<Edition | null> {
    try {
      return await this.model
        .findOneAndUpdate(
          { _id: editionId, status: expected.status, revision: expected.revision },
          {
            $set: {
              settings: change.settings,
              year: change.settings.year,
              revision: change.revision,
              ...(change.clearPhaseOverride ? { phaseOverride: null } : {}),
            },
            $push: { history: change.history, ...pushToOutbox(change.events) },
          },
          { returnDocument: 'after' },
        )
        .lean<Edition>()
        .exec();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new EditionYearTakenError(change.settings.year);
      throw error;
    }
  }

  /** Publishes a draft; null when it is not a draft (any more). */
  async publish(
    editionId: string,
    change: { publishedAt: Date; history: EditionHistoryEntry; events: readonly PendingEvent[] },
  ): Promise<Edition | null> {
    return this.model
      .findOneAndUpdate(
        { _id: editionId, status: 'draft' },
        {
          $set: { status: 'published', revision: 1, publishedAt: change.publishedAt },
          $push: { history: change.history, ...pushToOutbox(change.events) },
        },
        { returnDocument: 'after' },
      )
      .lean<Edition>()
      .exec();
  }

  /**
   * Moves a published edition to a phase with ONE conditional write: it applies only if the
   * edition is still in the phase, phase sequence and revision that were read. Of several
   * replicas deciding the same change, exactly one matches; the others change and emit
   * nothing. True when this call made the change.
   */
  async changePhase(
    edition: Pick<ScheduledEdition, '_id' | 'currentPhase' | 'phaseSequence' | 'revision'>,
    change: PhaseChange,
  ): Promise<boolean> {
    const result = await this.model
      .updateOne(
        {
          _id: edition._id,
          status: 'published',
          currentPhase: edition.currentPhase,
          phaseSequence: edition.phaseSequence,
          revision: edition.revision,
        },
        {
          $set: { currentPhase: change.phase, phaseOverride: change.override },
          $inc: { phaseSequence: 1 },
          $push: { history: change.history, ...pushToOutbox(change.events) },
        },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /** Ends an expired manual override when the calendar agrees with the phase anyway. */
  async endPhaseOverride(
    edition: Pick<ScheduledEdition, '_id' | 'phaseSequence' | 'revision'>,
  ): Promise<void> {
    await this.model
      .updateOne(
        { _id: edition._id, phaseSequence: edition.phaseSequence, revision: edition.revision },
        { $set: { phaseOverride: null } },
      )
      .exec();
  }
}
