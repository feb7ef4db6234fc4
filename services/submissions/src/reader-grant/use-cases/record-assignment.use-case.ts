import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type {
  AssignmentChangedV1,
  AssignmentCreatedV1,
  EventEnvelope,
  PayloadOf,
} from '@kipp/contracts';
import { endsAssignment } from '../reader-grant';
import { ReaderGrantRepository, type AssignmentIdentity } from '../reader-grant.repository';

export type AssignmentCreated = EventEnvelope<PayloadOf<typeof AssignmentCreatedV1>>;
export type AssignmentChanged = EventEnvelope<PayloadOf<typeof AssignmentChangedV1>>;

function identityOf(event: AssignmentCreated | AssignmentChanged): AssignmentIdentity {
  const { assignmentId, proposalId, editionId, evaluatorAccountId } = event.payload;
  return {
    _id: assignmentId,
    proposalId,
    editionId,
    evaluatorAccountId,
    sourceEventId: event.eventId,
  };
}

/**
 * Keeps which evaluator may read which proposal from evaluation's assignment events. The
 * state only ever moves towards "ended", so any order of delivery, and any redelivery, ends
 * in the same place.
 */
@Injectable()
export class RecordAssignmentUseCase {
  constructor(private readonly grants: ReaderGrantRepository) {}

  async created(event: AssignmentCreated, session: ClientSession): Promise<void> {
    await this.grants.recordOpen(identityOf(event), new Date(event.payload.createdAt), session);
  }

  async changed(event: AssignmentChanged, session: ClientSession): Promise<void> {
    const { change, changedAt } = event.payload;
    if (endsAssignment(change)) {
      await this.grants.recordEnded(identityOf(event), change, new Date(changedAt), session);
    } else {
      await this.grants.recordOpen(identityOf(event), null, session);
    }
  }
}
