import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope, PayloadOf, InstitutionRegisteredV1 } from '@kipp/contracts';
import { InstitutionProjectionRepository } from '../institution.repository';

export type InstitutionRegistered = EventEnvelope<PayloadOf<typeof InstitutionRegisteredV1>>;

/** Adds a newly registered institution to this service's projection. */
@Injectable()
export class RecordInstitutionUseCase {
  constructor(private readonly institutions: InstitutionProjectionRepository) {}

  async execute(event: InstitutionRegistered, session: ClientSession): Promise<void> {
    const { payload } = event;
    await this.institutions.upsert(
      {
        _id: payload.institutionId,
        code: payload.code,
        name: payload.name,
        type: payload.type,
        provinceCode: payload.provinceCode,
        disadvantaged: payload.disadvantaged,
        registeredAt: new Date(payload.registeredAt),
        sourceEventId: event.eventId,
      },
      session,
    );
  }
}
