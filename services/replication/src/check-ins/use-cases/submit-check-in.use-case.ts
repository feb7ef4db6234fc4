import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { CheckInSubmittedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { InnovationStatusWriter } from '../../catalogue/innovation-status';
import { checkInOutcome } from '../check-in-schedule';
import { CheckInAnsweredError, CheckInNotFoundError } from '../check-in.errors';
import { CheckInRepository, type StoredCheckIn } from '../check-in.repository';
import type { CheckInAnswer } from '../check-in.schema';

export const submitCheckInBodySchema = z.strictObject({
  running: z.boolean(),
  inBudget: z.boolean(),
  regulationInForce: z.boolean(),
  peopleServed: z.number().int().min(0).max(1_000_000_000).optional(),
  scaled: z.boolean().optional(),
});
export type SubmitCheckInBody = z.infer<typeof submitCheckInBodySchema>;

/**
 * The innovation's institution answers a check-in, late too (an overdue one), once. The
 * answer sets the innovation's status (active, scaled or stopped; a lapse is lifted) in the
 * same transaction.
 */
@Injectable()
export class SubmitCheckInUseCase {
  constructor(
    private readonly checkIns: CheckInRepository,
    private readonly statuses: InnovationStatusWriter,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(
    actor: AuthenticatedUser,
    checkInId: string,
    body: SubmitCheckInBody,
    now = new Date(),
  ): Promise<StoredCheckIn> {
    const checkIn = await this.checkIns.findById(checkInId);
    if (!checkIn) throw new CheckInNotFoundError(checkInId);
    assertInstitutionScope(actor, checkIn.institutionId);
    if (checkIn.status === 'answered') throw new CheckInAnsweredError(checkInId);
    const answer: CheckInAnswer = {
      running: body.running,
      inBudget: body.inBudget,
      regulationInForce: body.regulationInForce,
      peopleServed: body.peopleServed ?? null,
      scaled: body.scaled ?? false,
      outcome: checkInOutcome(body),
      // Past the due date even when no scan has marked it overdue yet.
      late: checkIn.status === 'overdue' || now.getTime() > new Date(checkIn.dueAt).getTime(),
      answeredBy: actor.accountId,
      answeredAt: now,
    };
    const event = createEvent(CheckInSubmittedV1, {
      checkInId,
      innovationId: checkIn.innovationId,
      institutionId: checkIn.institutionId,
      period: checkIn.period,
      running: answer.running,
      inBudget: answer.inBudget,
      regulationInForce: answer.regulationInForce,
      peopleServed: answer.peopleServed,
      outcome: answer.outcome,
      submittedBy: { kind: 'account', accountId: actor.accountId },
      submittedAt: now.toISOString(),
    });
    await runInTransaction(this.connection, async (session) => {
      if (!(await this.checkIns.answer(checkInId, answer, [event], session))) {
        throw new CheckInAnsweredError(checkInId);
      }
      await this.statuses.changeStatus(checkIn.innovationId, answer.outcome, session, now);
    });
    this.outbox.nudge();
    return { ...checkIn, status: 'answered', answer };
  }
}
