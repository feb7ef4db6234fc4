import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { assertInstitutionScope, hasAnyRole, type AuthenticatedUser } from '@kipp/auth';
import { OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { ValidationError } from '@kipp/service-kit';
import { interviewScheduled } from '../interview-event';
import {
  SlotChangedError,
  SlotNotBookedError,
  SlotNotFoundError,
  SlotStartedError,
  SlotTakenError,
} from '../interview.errors';
import { InterviewRepository, type Booking, type SlotView } from '../interview.repository';
import { confirmByOf } from '../slot-generation';
import { SlotAccess } from '../slot-access';

/**
 * Exchanges the bookings of two slots of one edition in one transaction (the secretariat),
 * or moves a local admin's own finalist to a free slot. Every finalist that moves gets a
 * `moved` event with its new slot and must confirm again.
 */
@Injectable()
export class SwapSlotsUseCase {
  constructor(
    private readonly access: SlotAccess,
    private readonly repository: InterviewRepository,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(user: AuthenticatedUser, slotId: string, withSlotId: string): Promise<SlotView[]> {
    const now = new Date();
    if (slotId === withSlotId) {
      throw new ValidationError([{ path: 'withSlotId', message: 'must be another slot' }]);
    }
    const { slot: a, settings } = await this.access.slot(slotId);
    const b = await this.repository.findById(withSlotId);
    if (!b || b.editionId !== a.editionId) throw new SlotNotFoundError(withSlotId);
    if (a.proposalId === null && b.proposalId === null) throw new SlotNotBookedError(slotId);
    if (a.startsAt <= now || b.startsAt <= now) {
      throw new SlotStartedError(a.startsAt <= now ? slotId : withSlotId);
    }
    if (!hasAnyRole(user, ['national_admin'])) {
      // A local admin only moves its own finalist, and only into a free slot.
      if (a.proposalId === null || a.institutionId === null) throw new SlotNotBookedError(slotId);
      assertInstitutionScope(user, a.institutionId);
      if (b.proposalId !== null) throw new SlotTakenError(withSlotId);
    }
    const lead = settings.interview.confirmationLeadHours;
    const moveTo = (target: SlotView, from: SlotView): Booking | null =>
      from.proposalId === null || from.institutionId === null
        ? null
        : {
            proposalId: from.proposalId,
            institutionId: from.institutionId,
            bookedBy: user.accountId,
            bookedAt: now,
            confirmBy: confirmByOf(target.startsAt, lead),
          };
    const intoA = moveTo(a, b);
    const intoB = moveTo(b, a);
    await runInTransaction(this.connection, async (session) => {
      // Vacate both first: the one-slot-per-finalist index must never see a finalist twice.
      if (a.proposalId !== null && !(await this.repository.vacate(a._id, a.proposalId, session))) {
        throw new SlotChangedError(a._id);
      }
      if (b.proposalId !== null && !(await this.repository.vacate(b._id, b.proposalId, session))) {
        throw new SlotChangedError(b._id);
      }
      for (const [target, booking] of [
        [a, intoA],
        [b, intoB],
      ] as const) {
        if (!booking) continue;
        const event = interviewScheduled(target, booking, 'moved', user, now);
        if (!(await this.repository.occupy(target._id, booking, event, session))) {
          throw new SlotChangedError(target._id);
        }
      }
    });
    this.outbox.nudge();
    return this.repository.findByIds([slotId, withSlotId]);
  }
}
