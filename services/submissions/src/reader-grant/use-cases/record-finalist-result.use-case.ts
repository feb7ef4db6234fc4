import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope, PayloadOf, StageResultPublishedV1 } from '@kipp/contracts';
import { supersedes } from '../reader-grant';
import { ReaderGrantRepository } from '../reader-grant.repository';

export type StageResultPublished = EventEnvelope<PayloadOf<typeof StageResultPublishedV1>>;

/**
 * Keeps each proposal's standing in the newest finalists publication; results of other
 * stages do not change who may read. A publication older than the stored one (delivered
 * late) or the stored one again is ignored.
 */
@Injectable()
export class RecordFinalistResultUseCase {
  constructor(private readonly grants: ReaderGrantRepository) {}

  async execute(event: StageResultPublished, session: ClientSession): Promise<void> {
    const result = event.payload;
    if (result.stage !== 'finalists') return;
    const incoming = {
      publicationId: result.publicationId,
      publishedAt: new Date(result.publishedAt),
    };
    const stored = await this.grants.finalistPublication(result.proposalId, session);
    if (stored && !supersedes(incoming, stored)) return;
    await this.grants.upsertFinalist(
      {
        _id: result.proposalId,
        editionId: result.editionId,
        advanced: result.advanced,
        ...incoming,
        sourceEventId: event.eventId,
      },
      session,
    );
  }
}
