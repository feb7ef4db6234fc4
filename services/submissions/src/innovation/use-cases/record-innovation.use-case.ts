import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type {
  EventEnvelope,
  InnovationPublishedV1,
  InnovationUpdatedV1,
  PayloadOf,
} from '@kipp/contracts';
import { normaliseTitle } from '../../proposal/eligibility';
import { InnovationRepository } from '../innovation.repository';

export type InnovationRecorded = EventEnvelope<
  PayloadOf<typeof InnovationPublishedV1> | PayloadOf<typeof InnovationUpdatedV1>
>;

/** Keeps the innovation projection; a revision older than (or equal to) the stored one is ignored. */
@Injectable()
export class RecordInnovationUseCase {
  constructor(private readonly innovations: InnovationRepository) {}

  async execute(event: InnovationRecorded, session: ClientSession): Promise<void> {
    const { innovation } = event.payload;
    const stored = await this.innovations.revisionOf(innovation.innovationId, session);
    if (stored !== null && stored >= innovation.revision) return;
    await this.innovations.upsertInnovation(
      {
        _id: innovation.innovationId,
        revision: innovation.revision,
        title: innovation.title,
        normalisedTitle: normaliseTitle(innovation.title),
        institutionId: innovation.institutionId,
        awards: innovation.awards.map((a) => ({ ...a })),
        status: innovation.status,
        sourceEventId: event.eventId,
      },
      session,
    );
  }
}
