import type { InterviewSlot } from './evaluator-api';

/** An interview slot for specs: free unless the booking fields say otherwise. */
export function slotFixture(
  slotId: string,
  startsAt: string,
  booking: Partial<InterviewSlot> = {},
): InterviewSlot {
  return {
    slotId,
    editionId: 'ed_2027',
    room: 1,
    startsAt,
    endsAt: startsAt,
    presentationMinutes: 7,
    interviewMinutes: 13,
    proposalId: null,
    institutionId: null,
    confirmBy: null,
    confirmedAt: null,
    ...booking,
  };
}
