import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type {
  EditionPhaseChangedV1,
  EditionPublishedV1,
  EditionUpdatedV1,
  EventEnvelope,
  PayloadOf,
} from '@kipp/contracts';
import { scheduledPhaseAt } from '@kipp/contracts';
import { RetryableEventError } from '../edition.errors';
import { EditionRepository } from '../edition.repository';

export type EditionConfigured = EventEnvelope<
  PayloadOf<typeof EditionPublishedV1> | PayloadOf<typeof EditionUpdatedV1>
>;
export type EditionPhaseChanged = EventEnvelope<PayloadOf<typeof EditionPhaseChangedV1>>;

/** Keeps this service's projection of an edition from registration's edition events. */
@Injectable()
export class RecordEditionUseCase {
  constructor(private readonly editions: EditionRepository) {}

  /** Published or updated: applies the configuration unless a newer revision is stored. */
  async configure(
    event: EditionConfigured,
    session: ClientSession,
    now = new Date(),
  ): Promise<void> {
    const { edition, revision } = event.payload;
    const stored = await this.editions.findById(edition.editionId, session);
    if (stored && stored.revision >= revision) return;
    await this.editions.applyConfiguration(
      edition.editionId,
      edition,
      revision,
      scheduledPhaseAt(edition.calendar, now),
      session,
    );
  }

  async changePhase(event: EditionPhaseChanged, session: ClientSession): Promise<void> {
    const { editionId, phase, changedAt } = event.payload;
    const stored = await this.editions.findById(editionId, session);
    // Topics are not ordered against each other: wait (retry) for the publication.
    if (!stored) throw new RetryableEventError(`edition ${editionId} not published yet`);
    await this.editions.applyPhase(editionId, phase, new Date(changedAt), session);
  }
}
