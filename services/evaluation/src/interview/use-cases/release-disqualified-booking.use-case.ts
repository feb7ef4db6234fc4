import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { ObjectionResolvedV1, PayloadOf } from '@kipp/contracts';
import { interviewScheduled } from '../interview-event';
import { InterviewRepository } from '../interview.repository';

/** Who releases the slot of a finalist disqualified by an upheld objection. */
export const OBJECTION_UPHELD_ACTOR = { kind: 'system', process: 'objection-upheld' } as const;

/**
 * An upheld objection disqualified a finalist: its booked slot is freed with a `released`
 * event in the slot's outbox, in the caller's transaction. A dismissed objection, a finalist
 * without a booking, or an event seen again (the slot no longer holds the finalist) changes
 * nothing. Returns whether a slot was released.
 */
@Injectable()
export class ReleaseDisqualifiedBookingUseCase {
  constructor(private readonly repository: InterviewRepository) {}

  async execute(
    resolution: PayloadOf<typeof ObjectionResolvedV1>,
    session: ClientSession,
    now = new Date(),
  ): Promise<boolean> {
    if (resolution.outcome !== 'upheld') return false;
    const slot = await this.repository.findBooked(
      resolution.editionId,
      resolution.proposalId,
      session,
    );
    if (!slot || slot.proposalId === null || slot.institutionId === null) return false;
    const event = interviewScheduled(
      slot,
      {
        proposalId: slot.proposalId,
        institutionId: slot.institutionId,
        // A booking always has a deadline; the slot's start stands in should one be missing.
        confirmBy: slot.confirmBy ?? slot.startsAt,
      },
      'released',
      OBJECTION_UPHELD_ACTOR,
      now,
    );
    return this.repository.release(slot._id, slot.proposalId, event, session);
  }
}
