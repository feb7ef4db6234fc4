import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { AwardGrantedV1, EventEnvelope, PayloadOf } from '@kipp/contracts';
import { normaliseTitle } from '../../proposal/eligibility';
import { InnovationRepository } from '../innovation.repository';

export type AwardGranted = EventEnvelope<PayloadOf<typeof AwardGrantedV1>>;

/** Records a finalist's tiers (one document per awarded proposal) for the prior-awards check. */
@Injectable()
export class RecordPriorAwardUseCase {
  constructor(private readonly innovations: InnovationRepository) {}

  async execute(event: AwardGranted, session: ClientSession): Promise<void> {
    const award = event.payload;
    await this.innovations.upsertPriorAward(
      {
        _id: award.proposalId,
        institutionId: award.institutionId,
        editionId: award.editionId,
        year: award.year,
        groupId: award.groupId,
        title: award.title,
        normalisedTitle: normaliseTitle(award.title),
        tiers: [...award.tiers],
        sourceEventId: event.eventId,
      },
      session,
    );
  }
}
