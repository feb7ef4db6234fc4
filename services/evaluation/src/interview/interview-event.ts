import type { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { InterviewScheduledV1, type actorSchema, type INTERVIEW_CHANGES } from '@kipp/contracts';
import { createEvent, type PendingEvent } from '@kipp/messaging';
import type { SlotView } from './interview.repository';

/** `interview.scheduled` for a finalist's slot after a change. */
export function interviewScheduled(
  slot: Pick<
    SlotView,
    '_id' | 'editionId' | 'startsAt' | 'presentationMinutes' | 'interviewMinutes'
  >,
  booking: { proposalId: string; institutionId: string; confirmBy: Date },
  change: (typeof INTERVIEW_CHANGES)[number],
  by: AuthenticatedUser | z.infer<typeof actorSchema>,
  at: Date,
): PendingEvent {
  return createEvent(InterviewScheduledV1, {
    proposalId: booking.proposalId,
    editionId: slot.editionId,
    institutionId: booking.institutionId,
    slotId: slot._id,
    change,
    startsAt: new Date(slot.startsAt).toISOString(),
    presentationMinutes: slot.presentationMinutes,
    interviewMinutes: slot.interviewMinutes,
    confirmBy: booking.confirmBy.toISOString(),
    changedBy: 'kind' in by ? by : { kind: 'account', accountId: by.accountId },
    changedAt: at.toISOString(),
  });
}
