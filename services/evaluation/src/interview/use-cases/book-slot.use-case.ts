import { Injectable } from '@nestjs/common';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { OutboxNotifier } from '@kipp/messaging';
import { interviewScheduled } from '../interview-event';
import { SlotStartedError, SlotTakenError } from '../interview.errors';
import { InterviewRepository, type SlotView } from '../interview.repository';
import { confirmByOf } from '../slot-generation';
import { SlotAccess } from '../slot-access';

/**
 * Books a free slot for a finalist: the secretariat for any finalist, a local admin for its
 * own institution's. One conditional write decides a race: the loser gets 409 `SLOT_TAKEN`,
 * a finalist already holding a slot 409 `FINALIST_ALREADY_BOOKED`.
 */
@Injectable()
export class BookSlotUseCase {
  constructor(
    private readonly access: SlotAccess,
    private readonly repository: InterviewRepository,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(user: AuthenticatedUser, slotId: string, proposalId: string): Promise<SlotView> {
    const now = new Date();
    const { slot, settings } = await this.access.slot(slotId);
    const finalist = await this.access.finalist(slot.editionId, proposalId);
    assertInstitutionScope(user, finalist.institutionId);
    if (slot.startsAt <= now) throw new SlotStartedError(slotId);
    if (slot.proposalId !== null) throw new SlotTakenError(slotId);
    const booking = {
      proposalId,
      institutionId: finalist.institutionId,
      bookedBy: user.accountId,
      bookedAt: now,
      confirmBy: confirmByOf(slot.startsAt, settings.interview.confirmationLeadHours),
    };
    const event = interviewScheduled(slot, booking, 'booked', user, now);
    const booked = await this.repository.book(slotId, booking, event);
    if (!booked) throw new SlotTakenError(slotId);
    this.outbox.nudge();
    return booked;
  }
}
