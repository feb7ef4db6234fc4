import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope, InterviewScheduledV1, PayloadOf } from '@kipp/contracts';
import { ReminderPlanner } from '../../reminders/reminder-planner';
import { ProposalTeam } from './proposal-team';

/**
 * A finalist's interview slot. Booked or moved: the team is told (and acknowledges) and
 * confirmation reminders are planned before the confirm-by time; confirmed: the reminders
 * stop, nothing is said (the local admin confirmed it themself); released: the team is
 * told and the reminders stop.
 */
@Injectable()
export class InterviewTriggers {
  constructor(
    private readonly planner: ReminderPlanner,
    private readonly team: ProposalTeam,
  ) {}

  async scheduled(
    event: EventEnvelope<PayloadOf<typeof InterviewScheduledV1>>,
    session: ClientSession,
  ): Promise<void> {
    const slot = event.payload;
    if (slot.change === 'confirmed') {
      await this.planner.cancelInterview(slot.proposalId, session);
      return;
    }
    await this.team.notify(
      event,
      {
        template: 'interview.scheduled',
        params: (title) => ({
          proposalId: slot.proposalId,
          title,
          slotId: slot.slotId,
          change: slot.change,
          startsAt: slot.startsAt,
          presentationMinutes: slot.presentationMinutes,
          interviewMinutes: slot.interviewMinutes,
          confirmBy: slot.confirmBy,
        }),
        sentBy: slot.changedBy,
      },
      session,
    );
    if (slot.change === 'released') {
      await this.planner.cancelInterview(slot.proposalId, session);
      return;
    }
    await this.planner.planInterview(
      {
        proposalId: slot.proposalId,
        editionId: slot.editionId,
        institutionId: slot.institutionId,
        slotId: slot.slotId,
        startsAt: new Date(slot.startsAt).toISOString(),
        confirmBy: new Date(slot.confirmBy).toISOString(),
      },
      session,
    );
  }
}
