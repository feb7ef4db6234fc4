import { Inject, Injectable } from '@nestjs/common';
import type { ClientSession, Connection } from 'mongoose';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { Directory } from '../../directory/directory';
import type { NoticeSender } from '../../notification/notice.schema';
import { Notifier } from '../../notification/notifier';
import { ReminderRepository } from '../reminder.repository';
import type {
  InterviewReminderParams,
  ReminderDocument,
  ScoringReminderParams,
} from '../reminder.schema';
import { REMINDERS_OPTIONS, type RemindersOptions } from '../reminders.options';

const SENDER: NoticeSender = { kind: 'system', process: 'reminders' };

export interface FiredReminders {
  /** Reminders this replica fired in this pass. */
  readonly fired: number;
  /** Of those, the ones that wrote a notice. */
  readonly notified: number;
}

/**
 * Fires the reminders that are due, each exactly once across replicas: one transaction flips
 * it from scheduled to fired and writes its notice (id = the reminder id), so a replica that
 * loses the flip writes nothing, and a replica that dies mid-way leaves it scheduled.
 */
@Injectable()
export class FireDueRemindersUseCase {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly reminders: ReminderRepository,
    private readonly directory: Directory,
    private readonly notifier: Notifier,
    @Inject(REMINDERS_OPTIONS) private readonly options: RemindersOptions,
  ) {}

  async execute(now = new Date()): Promise<FiredReminders> {
    // Replicas scanning together start at different places, so they seldom contend.
    const ids = shuffle(await this.reminders.dueIds(now, this.options.batchSize));
    let fired = 0;
    let notified = 0;
    for (const id of ids) {
      const outcome = await runInTransaction(this.connection, async (session) => {
        const reminder = await this.reminders.claim(id, now, session);
        if (!reminder) return null;
        const wrote = await this.fire(reminder, session);
        await this.reminders.markNotified(id, wrote, session);
        return wrote;
      });
      if (outcome === null) continue;
      fired += 1;
      if (outcome) notified += 1;
    }
    return { fired, notified };
  }

  /** Writes the reminder's notice; false when there is nothing (or nobody) to remind. */
  private async fire(reminder: ReminderDocument, session: ClientSession): Promise<boolean> {
    switch (reminder.kind) {
      case 'scoring':
        return this.fireScoring(
          reminder._id,
          reminder.params as unknown as ScoringReminderParams,
          session,
        );
      case 'interview':
        return this.fireInterview(
          reminder._id,
          reminder.params as unknown as InterviewReminderParams,
          session,
        );
    }
  }

  private async fireScoring(
    id: string,
    params: ScoringReminderParams,
    session: ClientSession,
  ): Promise<boolean> {
    const dueAt = new Date(params.dueAt).getTime();
    const open = (
      await this.directory.openAssignmentsOf(params.evaluatorAccountId, params.editionId, session)
    ).filter((assignment) => assignment.dueAt?.getTime() === dueAt);
    if (open.length === 0) return false;
    const recipients = await this.directory.accountsById([params.evaluatorAccountId], session);
    const edition = await this.directory.edition(params.editionId, session);
    const outcome = await this.notifier.notify(
      {
        noticeId: id,
        template: 'scoring.reminder',
        params: {
          editionId: params.editionId,
          editionName: edition?.name ?? null,
          dueAt: params.dueAt,
          openAssignments: open.length,
        },
        recipients,
        refs: { editionId: params.editionId },
        sentBy: SENDER,
      },
      session,
    );
    return outcome.created > 0;
  }

  private async fireInterview(
    id: string,
    params: InterviewReminderParams,
    session: ClientSession,
  ): Promise<boolean> {
    const recipients = await this.directory.localAdminsOf(params.institutionId, session);
    const proposal = await this.directory.proposal(params.proposalId, session);
    const outcome = await this.notifier.notify(
      {
        noticeId: id,
        template: 'interview.confirmation-reminder',
        params: {
          proposalId: params.proposalId,
          title: proposal?.title ?? null,
          slotId: params.slotId,
          startsAt: params.startsAt,
          confirmBy: params.confirmBy,
        },
        recipients,
        refs: {
          editionId: params.editionId,
          proposalId: params.proposalId,
          institutionId: params.institutionId,
        },
        sentBy: SENDER,
      },
      session,
    );
    return outcome.created > 0;
  }
}

function shuffle<T>(items: T[]): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}
