import type { ClientSession } from 'mongoose';
import { parseOffset } from './reminder-offsets';
import { ReminderPlanner } from './reminder-planner';
import type { ReminderRepository, ReminderToSchedule } from './reminder.repository';
import type { RemindersOptions } from './reminders.options';

class RecordingRepository {
  readonly scheduled: ReminderToSchedule[] = [];
  readonly cancelled: { scope: string; keepDueAts: readonly string[] }[] = [];

  schedule(reminders: readonly ReminderToSchedule[]): Promise<void> {
    this.scheduled.push(...reminders);
    return Promise.resolve();
  }

  cancel(scope: string, _session: ClientSession, keepDueAts: readonly string[] = []) {
    this.cancelled.push({ scope, keepDueAts });
    return Promise.resolve(0);
  }
}

const options: RemindersOptions = {
  scanEnabled: true,
  scanIntervalMs: 1000,
  batchSize: 10,
  scoringOffsets: ['3d', '1d'].map(parseOffset),
  interviewConfirmOffsets: ['1d', '3h'].map(parseOffset),
};
const session = {} as ClientSession;

function planner() {
  const repository = new RecordingRepository();
  return {
    repository,
    planner: new ReminderPlanner(repository as unknown as ReminderRepository, options),
  };
}

describe('ReminderPlanner', () => {
  it('should plan one scoring reminder per offset still ahead when an assignment has a deadline', async () => {
    const { planner: plan, repository } = planner();
    const params = {
      editionId: 'ed_2027',
      evaluatorAccountId: 'acct_eval',
      dueAt: '2027-05-15T16:59:59.000Z',
    };
    await plan.planScoring(params, session, new Date('2027-05-13T00:00:00.000Z'));
    expect(repository.scheduled).toEqual([
      {
        id: 'scoring:ed_2027:acct_eval:2027-05-15T16:59:59.000Z:1d',
        kind: 'scoring',
        scope: 'scoring:ed_2027:acct_eval',
        fireAt: new Date('2027-05-14T16:59:59.000Z'),
        params,
      },
    ]);
  });

  it('should replace a proposal’s confirmation reminders when its slot is booked again', async () => {
    const { planner: plan, repository } = planner();
    await plan.planInterview(
      {
        proposalId: 'prop_1',
        editionId: 'ed_2027',
        institutionId: 'inst_1',
        slotId: 'slot_9',
        startsAt: '2027-06-12T02:00:00.000Z',
        confirmBy: '2027-06-11T02:00:00.000Z',
      },
      session,
      new Date('2027-06-01T00:00:00.000Z'),
    );
    expect(repository.cancelled).toEqual([{ scope: 'interview:prop_1', keepDueAts: [] }]);
    expect(repository.scheduled.map((reminder) => [reminder.id, reminder.fireAt])).toEqual([
      ['interview:slot_9:2027-06-12T02:00:00.000Z:1d', new Date('2027-06-10T02:00:00.000Z')],
      ['interview:slot_9:2027-06-12T02:00:00.000Z:3h', new Date('2027-06-10T23:00:00.000Z')],
    ]);
  });

  it('should keep the scoring reminders of deadlines with open work when cancelling', async () => {
    const { planner: plan, repository } = planner();
    await plan.cancelScoringWithout('ed_2027', 'acct_eval', ['2027-05-15T16:59:59.000Z'], session);
    expect(repository.cancelled).toEqual([
      { scope: 'scoring:ed_2027:acct_eval', keepDueAts: ['2027-05-15T16:59:59.000Z'] },
    ]);
  });
});
