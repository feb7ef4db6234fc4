import { Injectable } from '@nestjs/common';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { OutboxNotifier } from '@kipp/messaging';
import { interviewScheduled } from '../interview-event';
import { SlotChangedError, SlotNotBookedError } from '../interview.errors';
import { InterviewRepository, type SlotView } from '../interview.repository';
import { SlotAccess } from '../slot-access';

/** Frees a booked slot: the secretariat any, a local admin its own institution's. */
@Injectable()
export class ReleaseSlotUseCase {
  constructor(
    private readonly access: SlotAccess,
    private readonly repository: InterviewRepository,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(user: AuthenticatedUser, slotId: string): Promise<SlotView> {
    const now = new Date();
    const { slot } = await this.access.slot(slotId);
    if (slot.proposalId === null || slot.institutionId === null || slot.confirmBy === null) {
      throw new SlotNotBookedError(slotId);
    }
    assertInstitutionScope(user, slot.institutionId);
    const event = interviewScheduled(
      slot,
      { proposalId: slot.proposalId, institutionId: slot.institutionId, confirmBy: slot.confirmBy },
      'released',
      user,
      now,
    );
    if (!(await this.repository.release(slotId, slot.proposalId, event))) {
      throw new SlotChangedError(slotId);
    }
    this.outbox.nudge();
    return {
      ...slot,
      proposalId: null,
      institutionId: null,
      bookedBy: null,
      bookedAt: null,
      confirmBy: null,
      confirmedBy: null,
      confirmedAt: null,
    };
  }
}
