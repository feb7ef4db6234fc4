import { Injectable } from '@nestjs/common';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { OutboxNotifier } from '@kipp/messaging';
import { interviewScheduled } from '../interview-event';
import {
  ConfirmationTooLateError,
  SlotChangedError,
  SlotNotBookedError,
} from '../interview.errors';
import { InterviewRepository, type SlotView } from '../interview.repository';
import { confirmByOf } from '../slot-generation';
import { SlotAccess } from '../slot-access';

/** The finalist's local admin confirms its slot, at least the edition's lead hours ahead. */
@Injectable()
export class ConfirmSlotUseCase {
  constructor(
    private readonly access: SlotAccess,
    private readonly repository: InterviewRepository,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(user: AuthenticatedUser, slotId: string): Promise<SlotView> {
    const now = new Date();
    const { slot, settings } = await this.access.slot(slotId);
    if (slot.proposalId === null || slot.institutionId === null) {
      throw new SlotNotBookedError(slotId);
    }
    assertInstitutionScope(user, slot.institutionId);
    await this.access.assertNotDisqualified(slot.proposalId);
    // The deadline follows the edition's current lead time, not the one at booking.
    const confirmBy = confirmByOf(slot.startsAt, settings.interview.confirmationLeadHours);
    if (now > confirmBy) throw new ConfirmationTooLateError(slotId, confirmBy);
    const event = interviewScheduled(
      slot,
      { proposalId: slot.proposalId, institutionId: slot.institutionId, confirmBy },
      'confirmed',
      user,
      now,
    );
    const confirmed = await this.repository.confirm(
      slotId,
      slot.proposalId,
      user.accountId,
      now,
      event,
    );
    if (!confirmed) throw new SlotChangedError(slotId);
    this.outbox.nudge();
    return confirmed;
  }
}
